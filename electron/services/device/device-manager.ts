// The device manager: the application's one way to a board. Lists ports, connects to a listed or typed
// path, identifies the board by handshake, streams, runs commands, notices a lost link within a second
// (close events, a vanished path, silence while streaming, unanswered pings while idle), finds the same
// board again by its serial, and hands out what arrived in batches at display rate — never per frame.
// Everything it returns or emits is a plain object (shared/protocol/device-types.ts).
import { existsSync } from 'node:fs';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { ConnectOptions, DeviceBatch, DeviceStatus, LinkStats, PortInfo, PortListResult } from '../../../shared/protocol/device-types';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import type { BoardIdentity, CalibrationCoefficients } from '../../../shared/protocol/frames';
import { Opcode } from '../../../shared/protocol/frames';
import { parseIdentityBody } from '../../../shared/protocol/parse-frame';
import type { ByteLink } from './byte-link';
import { LinkSession } from './link-session';
import { listPorts as listSystemPorts } from './port-listing';
import { Reconnector } from './reconnector';
import { openSerialPort } from './serial-port';

export type Unsubscribe = () => void;
export type PortOpener = (path: string, baudRate: number) => Promise<Result<ByteLink>>;

/** A port that lives in this process (the built-in virtual meter): never listed by the OS. */
export interface InProcessPort {
  path: string;
  label: string;
  open(): ByteLink;
}

export interface DeviceManagerOptions {
  openPort?: PortOpener;
  listPorts?: () => Promise<PortListResult>;
  /** Batches go out at most this often (default 34 ms: under 30 per second). */
  batchIntervalMs?: number;
  /** Streaming and no byte for this long: a ping must confirm the board is there (default 500 ms). */
  silenceTimeoutMs?: number;
  /** Idle (connected, not streaming): a ping this often (default 250 ms)… */
  keepAliveIntervalMs?: number;
  /** …answered within this (default 400 ms), or any byte received meanwhile. */
  keepAliveTimeoutMs?: number;
  /** Between two searches for a lost board (default 500 ms). */
  reconnectIntervalMs?: number;
}

export const DEFAULT_BAUD_RATE = 1_000_000;
const DEFAULT_HANDSHAKE_MS = 1500;
const RECONNECT_HANDSHAKE_MS = 600;
/** How long a ping may take to confirm a silent, streaming board is still there. */
const CONFIRM_PING_MS = 300;
/** Text mode: silence this long is worth a status message. */
const TEXT_SILENCE_NOTICE_MS = 2000;

type ActiveLink = { session: LinkSession; options: Required<Pick<ConnectOptions, 'path' | 'baudRate' | 'mode' | 'handshakeTimeoutMs' | 'autoReconnect'>> & ConnectOptions };

export class DeviceManager {
  private readonly openPort: PortOpener;
  private readonly listPortsImpl: () => Promise<PortListResult>;
  private readonly batchIntervalMs: number;
  private readonly silenceTimeoutMs: number;
  private readonly keepAliveIntervalMs: number;
  private readonly inProcess = new Map<string, InProcessPort>();
  private readonly statusListeners = new Set<(status: DeviceStatus) => void>();
  private readonly batchListeners = new Set<(batch: DeviceBatch) => void>();
  private active: ActiveLink | null = null;
  private status: DeviceStatus = { state: 'disconnected', path: null, baudRate: null, mode: null, identity: null, calibration: null, sampleRateHz: null, stats: emptyLinkStats(), message: null };
  /** Counters of links that are gone, so that statistics add up across reconnects. */
  private pastStats: LinkStats = emptyLinkStats();
  private batchTimer: ReturnType<typeof setInterval> | null = null;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private pingInFlight = false;
  private lastPingMs = 0;
  private lastWatchMs = 0;
  private silenceNoticed = false;
  private connectGeneration = 0;
  private readonly keepAliveTimeoutMs: number;
  private readonly reconnector: Reconnector;

  constructor(options: DeviceManagerOptions = {}) {
    this.openPort = options.openPort ?? openSerialPort;
    this.listPortsImpl = options.listPorts ?? (() => listSystemPorts());
    this.batchIntervalMs = options.batchIntervalMs ?? 34;
    this.silenceTimeoutMs = options.silenceTimeoutMs ?? 500;
    this.keepAliveIntervalMs = options.keepAliveIntervalMs ?? 250;
    this.keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? 400;
    this.reconnector = new Reconnector({
      intervalMs: options.reconnectIntervalMs ?? 500,
      listPorts: () => this.listPortsImpl(),
      pathExists: (p) => this.pathExists(p),
      tryPath: (p, want) => this.tryReconnectPath(p, want),
    });
  }

  // ── Ports ────────────────────────────────────────────────────────────────────────────────────────

  /** Registers an in-process port (the built-in virtual meter); returns a function that removes it. */
  registerInProcessPort(port: InProcessPort): Unsubscribe {
    this.inProcess.set(port.path, port);
    return () => this.inProcess.delete(port.path);
  }

  /** The system's serial ports (or a /dev scan when the OS listing fails), then the in-process ones. */
  async listPorts(): Promise<PortListResult> {
    const listed = await this.listPortsImpl();
    const virtual: PortInfo[] = [...this.inProcess.values()].map((p) => ({ path: p.path, source: 'virtual', label: `${p.path} — ${p.label}` }));
    return { ...listed, ports: [...listed.ports, ...virtual] };
  }

  private pathExists(path: string): boolean {
    return this.inProcess.has(path) || existsSync(path);
  }

  private open(path: string, baudRate: number): Promise<Result<ByteLink>> {
    const local = this.inProcess.get(path);
    if (local) return Promise.resolve(ok(local.open()));
    return this.openPort(path, baudRate);
  }

  // ── Connection ───────────────────────────────────────────────────────────────────────────────────

  getStatus(): DeviceStatus {
    return { ...this.status, stats: this.currentStats() };
  }

  /** Connects, identifies the board (binary) and, unless told otherwise, starts streaming. */
  async connect(options: ConnectOptions): Promise<Result<DeviceStatus>> {
    await this.disconnect();
    const generation = ++this.connectGeneration;
    const full = {
      ...options,
      path: options.path.trim(),
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      mode: options.mode ?? 'binary',
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_MS,
      autoReconnect: options.autoReconnect ?? true,
    };
    this.setStatus({ state: 'connecting', path: full.path, baudRate: full.baudRate, mode: full.mode, identity: null, calibration: null, sampleRateHz: null, message: `opening ${full.path}` });
    const session = await this.openSession(full.path, full.baudRate, full);
    if (generation !== this.connectGeneration) {
      // Another connect (or a disconnect) came while this one was opening: it wins.
      if (session.ok) await session.value.close();
      return err('superseded', `the connection to ${full.path} was superseded by a newer request`);
    }
    if (!session.ok) {
      this.setStatus({ state: 'disconnected', message: session.message });
      return session;
    }
    this.adopt({ session: session.value, options: full });
    if (options.stream !== false && !session.value.streaming) {
      const started = await this.startStreaming();
      if (!started.ok) return started;
    }
    return ok(this.getStatus());
  }

  private async openSession(path: string, baudRate: number, options: ActiveLink['options'], handshakeMs = options.handshakeTimeoutMs): Promise<Result<LinkSession>> {
    const link = await this.open(path, baudRate);
    if (!link.ok) return link;
    const session = await LinkSession.start(link.value, options.mode, handshakeMs, {
      sampleRateHz: options.textSampleRateHz,
      nominalFrequencyHz: options.textNominalFrequencyHz ?? 50,
    });
    if (!session.ok) await link.value.close();
    return session;
  }

  private adopt(active: ActiveLink): void {
    this.active = active;
    const { session } = active;
    session.events = { onBoardReset: (identity) => void this.onBoardReset(identity) };
    session.link.onClose((closed) => {
      if (this.active?.session === session && closed.reason !== 'local') this.lose(closed.reason === 'disconnected' ? 'the port went away (unplugged, or the far end closed)' : closed.message);
    });
    this.setStatus({
      state: session.streaming ? 'streaming' : 'connected',
      path: session.link.path,
      identity: session.identity,
      calibration: session.calibration,
      sampleRateHz: session.sampleRateHz,
      message: session.identity ? `board ${session.identity.boardSerial} (firmware ${session.identity.firmwareVersion}) on ${session.link.path}` : `reading text lines on ${session.link.path}`,
    });
    this.startTimers();
  }

  /** Closes the link and stops looking for a lost board. */
  async disconnect(): Promise<void> {
    this.connectGeneration++;
    this.reconnector.stop();
    const active = this.active;
    this.active = null;
    this.stopTimers();
    if (active) {
      this.flushBatch(active.session);
      this.retire(active.session);
      if (active.session.board && active.session.link.isOpen && active.session.streaming) await active.session.board.simple(Opcode.stopStreaming, undefined, 200);
      await active.session.close();
    }
    if (active || this.status.state !== 'disconnected') this.setStatus({ state: 'disconnected', message: active ? 'disconnected' : this.status.message });
  }

  /** Stops everything; the manager can still be used afterwards. */
  async dispose(): Promise<void> {
    await this.disconnect();
    this.statusListeners.clear();
    this.batchListeners.clear();
  }

  private retire(session: LinkSession): void {
    this.pastStats = addStats(this.pastStats, session.stats());
  }

  private lose(reason: string): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    this.stopTimers();
    this.flushBatch(active.session);
    this.retire(active.session);
    this.pastStats.linkLosses++;
    void active.session.close();
    const wanted = active.session.identity?.boardSerial ?? null;
    if (!active.options.autoReconnect) {
      this.setStatus({ state: 'disconnected', message: `link lost: ${reason}` });
      return;
    }
    this.setStatus({ state: 'reconnecting', message: `link lost: ${reason} — looking for ${wanted ? `board ${wanted}` : active.session.link.path}` });
    this.reconnector.start({
      lostPath: active.session.link.path,
      extraPaths: [active.options.path, ...(active.options.reconnectPaths ?? [])],
      wantedSerial: wanted,
      wasStreaming: active.session.streaming,
      options: active.options,
    });
  }

  /** One reconnection attempt on one path (called by the Reconnector). */
  private async tryReconnectPath(path: string, want: Parameters<Reconnector['start']>[0]): Promise<'adopted' | 'wrong-board' | 'failed'> {
    const options = want.options as ActiveLink['options'];
    const session = await this.openSession(path, options.baudRate, options, RECONNECT_HANDSHAKE_MS);
    if (!session.ok) return 'failed';
    const serial = session.value.identity?.boardSerial ?? null;
    if (want.wantedSerial && serial !== want.wantedSerial) {
      await session.value.close();
      this.retire(session.value);
      this.setStatus({ message: `found board ${serial} on ${path}, still looking for board ${want.wantedSerial}` });
      return 'wrong-board';
    }
    if (this.status.state !== 'reconnecting') {
      await session.value.close();
      return 'failed';
    }
    this.pastStats.reconnects++;
    this.adopt({ session: session.value, options });
    this.setStatus({ message: `reconnected to ${serial ? `board ${serial}` : 'the board'} on ${path}` });
    if (want.wasStreaming && !session.value.streaming) await this.startStreaming();
    return 'adopted';
  }

  private async onBoardReset(identity: BoardIdentity): Promise<void> {
    const active = this.active;
    if (!active?.session.board) return;
    const wasStreaming = active.session.streaming;
    active.session.streaming = false;
    active.session.identity = identity;
    const calibration = await active.session.board.readCalibration();
    if (calibration.ok) active.session.calibration = calibration.value;
    active.session.pipeline = active.session.binaryPipeline();
    this.setStatus({ state: 'connected', identity, calibration: active.session.calibration, sampleRateHz: identity.sampleRateHz, message: `board ${identity.boardSerial} restarted` });
    if (wasStreaming) await this.startStreaming();
  }

  // ── Timers: batches and link watch ───────────────────────────────────────────────────────────────

  private startTimers(): void {
    this.stopTimers();
    this.batchTimer = setInterval(() => {
      if (this.active) this.flushBatch(this.active.session);
    }, this.batchIntervalMs);
    this.lastWatchMs = Date.now();
    this.watchTimer = setInterval(() => this.watch(), 50);
  }

  private stopTimers(): void {
    if (this.batchTimer) clearInterval(this.batchTimer);
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.batchTimer = null;
    this.watchTimer = null;
  }

  /**
   * Every 50 ms: the path still there? Bytes still coming while streaming? When the board has been
   * silent too long, a ping confirms before the link is declared lost — any byte arriving meanwhile (a
   * late reply included) counts as life, so a busy machine that delays I/O is not mistaken for an unplug.
   * A dead board is declared within silenceTimeoutMs + the ping's 300 ms (< 1 s with the defaults).
   */
  private watch(): void {
    const active = this.active;
    if (!active) return;
    const { session } = active;
    const now = Date.now();
    // This timer itself ran late: the process was starved, so silence measured now means nothing yet.
    const stalled = now - this.lastWatchMs > 250;
    this.lastWatchMs = now;
    if (stalled) return;
    if (!this.inProcess.has(session.link.path) && !existsSync(session.link.path)) return this.lose(`${session.link.path} disappeared`);
    if (this.pingInFlight) return;
    const silentMs = now - session.lastDataMs;
    if (session.streaming) {
      if (silentMs <= this.silenceTimeoutMs) return;
      if (!session.board) {
        // Text mode cannot be asked, and a sketch may pause: silence is reported, not taken for an
        // unplug (which the port's close event, or its path vanishing, tells).
        if (silentMs > TEXT_SILENCE_NOTICE_MS && !this.silenceNoticed) {
          this.silenceNoticed = true;
          this.setStatus({ message: `no lines from ${session.link.path} for ${(silentMs / 1000).toFixed(1)} s` });
        } else if (silentMs <= TEXT_SILENCE_NOTICE_MS) this.silenceNoticed = false;
        return;
      }
      return this.confirmAlive(session, CONFIRM_PING_MS, `no data for ${silentMs} ms while streaming, and no answer to a ping`, () => {
        // Silent while streaming yet answering: the board restarted (a watchdog reset, a brown-out) and
        // its HELLO was lost, so it sits idle. Ask it to stream again rather than wait for data forever.
        this.setStatus({ message: 'the board answered but had stopped streaming (it restarted?): streaming resumed' });
        void this.startStreaming();
      });
    }
    if (session.board && now - this.lastPingMs >= this.keepAliveIntervalMs) this.confirmAlive(session, this.keepAliveTimeoutMs, 'the board stopped answering');
  }

  private confirmAlive(session: LinkSession, timeoutMs: number, reason: string, onAliveButSilent?: () => void): void {
    if (!session.board) return;
    this.pingInFlight = true;
    const sentAt = Date.now();
    this.lastPingMs = sentAt;
    const samplesBefore = session.stats().framesDecoded;
    void session.board.simple(Opcode.ping, undefined, timeoutMs).then((reply) => {
      this.pingInFlight = false;
      if (this.active?.session !== session) return;
      if (reply.ok) {
        // Only the ping's answer came back (no other frame): the board is there but not streaming.
        if (onAliveButSilent && session.streaming && session.stats().framesDecoded <= samplesBefore + 1) onAliveButSilent();
        return;
      }
      if (reply.code === 'timeout' && session.lastDataMs < sentAt) this.lose(reason);
    });
  }

  private flushBatch(session: LinkSession): void {
    const batch = session.pipeline?.takeBatch(this.currentStats());
    if (!batch) return;
    for (const listener of [...this.batchListeners]) {
      try {
        listener(batch);
      } catch (error) {
        console.error('device batch listener failed:', error);
      }
    }
  }

  private currentStats(): LinkStats {
    return this.active ? addStats(this.pastStats, this.active.session.stats()) : { ...this.pastStats };
  }

  // ── Events ───────────────────────────────────────────────────────────────────────────────────────

  /** Status changes (state, identity, messages). Returns the unsubscribe function. */
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Samples, measurements, board metrics and temperatures, at display rate. */
  onBatch(listener: (batch: DeviceBatch) => void): Unsubscribe {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  private setStatus(patch: Partial<DeviceStatus>): void {
    this.status = { ...this.status, ...patch };
    const snapshot = this.getStatus();
    for (const listener of [...this.statusListeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        console.error('device status listener failed:', error);
      }
    }
  }

  // ── Commands ─────────────────────────────────────────────────────────────────────────────────────

  private binary(): Result<LinkSession> {
    const session = this.active?.session;
    if (!session) return err('not-connected', this.status.state === 'reconnecting' ? 'the board is not connected (looking for it again)' : 'no board is connected');
    if (!session.board) return err('text-mode', 'commands need a board that speaks protocol v1; this link is in text mode');
    return ok(session);
  }

  async startStreaming(): Promise<Result<void>> {
    const s = this.active?.session;
    if (s?.mode === 'text') return ok(undefined);
    const session = this.binary();
    if (!session.ok) return session;
    const reply = await session.value.board!.simple(Opcode.startStreaming);
    if (!reply.ok) return reply;
    session.value.streaming = true;
    session.value.lastDataMs = Date.now();
    this.setStatus({ state: 'streaming' });
    return ok(undefined);
  }

  async stopStreaming(): Promise<Result<void>> {
    const session = this.binary();
    if (!session.ok) return session;
    const reply = await session.value.board!.simple(Opcode.stopStreaming);
    if (!reply.ok) return reply;
    session.value.streaming = false;
    this.setStatus({ state: 'connected' });
    return ok(undefined);
  }

  async readCalibration(): Promise<Result<CalibrationCoefficients>> {
    const session = this.binary();
    if (!session.ok) return session;
    const c = await session.value.board!.readCalibration();
    if (c.ok) this.useCalibration(session.value, c.value);
    return c;
  }

  /**
   * Writes coefficients to the board (used at once, not stored) and reads them back, so that what the
   * host applies is exactly what the board holds (float32). A refusal leaves the old ones in use.
   */
  async writeCalibration(c: CalibrationCoefficients): Promise<Result<CalibrationCoefficients>> {
    const session = this.binary();
    if (!session.ok) return session;
    const written = await session.value.board!.writeCalibration(c);
    if (!written.ok) {
      if (written.code === 'nack-outOfRange') return err('out-of-range', 'the board refused the coefficients as out of range and keeps the previous ones');
      return written;
    }
    return this.readCalibration();
  }

  /** Stores the coefficients in use into the board's EEPROM. */
  async storeCalibration(): Promise<Result<void>> {
    const session = this.binary();
    if (!session.ok) return session;
    return session.value.board!.simple(Opcode.storeCalibration, undefined, 1000);
  }

  async setSamplesPerPeriod(samplesPerPeriod: 64 | 128): Promise<Result<BoardIdentity>> {
    const session = this.binary();
    if (!session.ok) return session;
    const board = session.value.board!;
    const set = await board.simple(Opcode.setSamplesPerPeriod, Uint8Array.of(samplesPerPeriod));
    if (!set.ok) return set;
    const reply = await board.command(Opcode.getIdentity);
    const identity = reply.ok ? parseIdentityBody(reply.value) : null;
    if (!identity) return err('bad-reply', 'the board did not confirm its new sampling rate');
    session.value.identity = identity;
    session.value.pipeline?.reconfigure({ sampleRateHz: identity.sampleRateHz });
    this.setStatus({ identity, sampleRateHz: identity.sampleRateHz });
    return ok(identity);
  }

  /** Blinks the board's LED for `seconds` (0 stops). */
  async identify(seconds: number): Promise<Result<void>> {
    const session = this.binary();
    if (!session.ok) return session;
    return session.value.board!.simple(Opcode.identify, Uint8Array.of(Math.max(0, Math.min(255, Math.round(seconds)))));
  }

  /** Resets the board; it comes back with a HELLO and the manager resumes what it was doing. */
  async resetBoard(): Promise<Result<void>> {
    const session = this.binary();
    if (!session.ok) return session;
    return session.value.board!.simple(Opcode.reset);
  }

  private useCalibration(session: LinkSession, c: CalibrationCoefficients): void {
    session.calibration = c;
    session.pipeline?.reconfigure({ calibration: c });
    this.setStatus({ calibration: c });
  }
}

function addStats(a: LinkStats, b: LinkStats): LinkStats {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof LinkStats)[]) out[key] = a[key] + b[key];
  return out;
}
