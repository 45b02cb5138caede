// A recording session (DESIGN.md §4.5): the board's 200 ms measurement windows folded into one-minute
// aggregates and written to the open project in one transaction every few seconds — never per window —
// so a crash loses at most the last few seconds, and the project's durability settings (synchronous FULL)
// cost one sync per batch. The minute still filling is rewritten at each batch (an upsert).
import type { RecordingStatus } from '../../../shared/api/device-api';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { DeviceBatch, DeviceStatus } from '../../../shared/protocol/device-types';
import { createSession, endSession, hasSession, writeMinutes, type MinuteRow } from '../project/meter-store';
import type { ProjectStore } from '../project/project-store';
import { MinuteAggregator } from './minute-aggregator';

export interface RecorderProjects {
  readonly store: Result<ProjectStore>;
  onDidChangeProject(listener: () => void): () => void;
}

export interface RecorderDevices {
  getStatus(): DeviceStatus;
  onBatch(listener: (batch: DeviceBatch) => void): () => void;
}

export interface RecorderOptions {
  /** Between two writes, ms (default 5000). */
  flushIntervalMs?: number;
  now?: () => number;
  onStatus?: (status: RecordingStatus) => void;
}

interface Session {
  id: number;
  startedAt: string;
  boardSerial: string;
  aggregator: MinuteAggregator;
  /** Rows not yet written (a failed write keeps them for the next attempt). */
  pending: Map<string, MinuteRow>;
  minutes: Set<string>;
  lastWriteAt: string | null;
}

export class Recorder {
  private session: Session | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private message: string | null = null;
  private readonly flushIntervalMs: number;
  private readonly now: () => number;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly projects: RecorderProjects,
    private readonly devices: RecorderDevices,
    private readonly options: RecorderOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.unsubscribe = [devices.onBatch((b) => this.onBatch(b)), projects.onDidChangeProject(() => this.onProjectChanged())];
  }

  status(): RecordingStatus {
    const s = this.session;
    return {
      recording: s !== null,
      sessionId: s?.id ?? null,
      startedAt: s?.startedAt ?? null,
      minutesWritten: s?.minutes.size ?? 0,
      energyWh: s?.aggregator.totalEnergyWh ?? 0,
      lastWriteAt: s?.lastWriteAt ?? null,
      message: this.message,
    };
  }

  /** The running session's id, for captures taken meanwhile. */
  get sessionId(): number | null {
    return this.session?.id ?? null;
  }

  start(note = ''): Result<RecordingStatus> {
    if (this.session) return err('already-recording', 'A recording is already running: stop it first.');
    const store = this.projects.store;
    if (!store.ok) return err('no-project', 'Open a project to record into: the measurements are stored in its file.');
    const device = this.devices.getStatus();
    if (device.state !== 'connected' && device.state !== 'streaming') return err('not-connected', 'Connect a board first: there is nothing to record.');
    const boardSerial = device.identity?.boardSerial ?? `text:${device.path ?? '?'}`;
    const startedAt = new Date(this.now()).toISOString();
    const id = createSession(store.value.db, {
      startedAt,
      boardSerial,
      boardJson: JSON.stringify({ identity: device.identity, calibration: device.calibration, mode: device.mode, baudRate: device.baudRate, sampleRateHz: device.sampleRateHz }),
      port: device.path ?? '',
      note: note.trim(),
    });
    this.session = { id, startedAt, boardSerial, aggregator: new MinuteAggregator(), pending: new Map(), minutes: new Set(), lastWriteAt: null };
    this.message = null;
    this.timer = setInterval(() => this.flush(), this.flushIntervalMs);
    this.emit();
    return ok(this.status());
  }

  stop(reason: string | null = null): RecordingStatus {
    const s = this.session;
    if (!s) return this.status();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const row of s.aggregator.takeAll()) s.pending.set(row.minuteStart, row);
    const store = this.projects.store;
    if (store.ok && hasSession(store.value.db, s.id, s.startedAt, s.boardSerial)) {
      this.write(store.value, s);
      endSession(store.value.db, s.id, new Date(this.now()).toISOString());
    }
    const unsaved = s.pending.size;
    this.session = null;
    this.message = reason ?? (unsaved > 0 ? `${unsaved} minute(s) could not be written` : null);
    this.emit();
    return this.status();
  }

  /** Writes what has accumulated (called by the timer; tests call it directly). */
  flush(): void {
    const s = this.session;
    if (!s) return;
    for (const row of s.aggregator.takeChanged(this.now())) s.pending.set(row.minuteStart, row);
    const store = this.projects.store;
    if (!store.ok) return;
    if (this.write(store.value, s)) this.emit();
  }

  dispose(): void {
    this.stop();
    for (const u of this.unsubscribe) u();
  }

  private write(store: ProjectStore, s: Session): boolean {
    if (s.pending.size === 0) return false;
    const rows = [...s.pending.values()];
    try {
      writeMinutes(store.db, s.id, rows);
    } catch (e) {
      // Kept for the next attempt (disk full, file locked by another program…); said in the status.
      this.message = `could not write to the project: ${(e as Error).message}`;
      this.emit();
      return false;
    }
    for (const r of rows) s.minutes.add(r.minuteStart);
    s.pending.clear();
    s.lastWriteAt = new Date(this.now()).toISOString();
    this.message = null;
    return true;
  }

  private onBatch(batch: DeviceBatch): void {
    const s = this.session;
    if (!s) return;
    const serial = this.devices.getStatus().identity?.boardSerial;
    if (serial && !s.boardSerial.startsWith('text:') && serial !== s.boardSerial) {
      this.stop(`recording stopped: board ${serial} replaced board ${s.boardSerial}`);
      return;
    }
    // A window's end time: the batch's arrival, less the samples that came after the window.
    const lastIndex = batch.firstSampleIndex + batch.voltageV.length;
    for (const w of batch.measurements) {
      const laterMs = Math.max(0, ((lastIndex - w.endSampleIndex) / batch.sampleRateHz) * 1000);
      s.aggregator.addWindow(w, batch.receivedAtMs - laterMs);
    }
    for (const t of batch.temperatures) if (t.status === 0) s.aggregator.addTemperature(t.temperatureC, batch.receivedAtMs);
  }

  /** "Save As" keeps the session (the copy holds it); another project, or none, ends it. */
  private onProjectChanged(): void {
    const s = this.session;
    if (!s) return;
    const store = this.projects.store;
    if (store.ok && hasSession(store.value.db, s.id, s.startedAt, s.boardSerial)) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const lost = s.pending.size;
    this.session = null;
    this.message = `recording stopped: the project it was writing to was closed${lost ? ` (${lost} minute(s) not yet written were lost)` : ''}`;
    this.emit();
  }

  private emit(): void {
    this.options.onStatus?.(this.status());
  }
}
