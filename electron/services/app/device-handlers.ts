// The metering bench behind the API (shared/api/device-api.ts): the application's one DeviceManager, the
// built-in virtual meter plugged in as "virtual:meter", the conversion of statuses and batches to their
// wire form (NaN → null, samples rounded), and the recorder with its handlers. app-services.ts builds
// one of these, exposes `devices` to whoever else needs the board (calibration), and disposes it.
import type { ApiHandlers } from '../../../shared/api/contract';
import type { deviceMethods, DeviceStatusWire, MeasurementWindowWire, SampleBatch, VirtualMeterConfig, VirtualMeterState } from '../../../shared/api/device-api';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { DeviceBatch, DeviceStatus, MeasurementWindow } from '../../../shared/protocol/device-types';
import { TemperatureStatus } from '../../../shared/protocol/frames';
import type { AdcBoardModel } from '../../../shared/signal/adc-model';
import { defaultBoardModel, idealCalibration, NO_ADC_ERRORS, nominalCalibration, TYPICAL_ADC_ERRORS } from '../../../shared/signal/adc-model';
import { MAINS_PRESETS } from '../../../shared/signal/waveform';
import type { ByteLink } from '../device/byte-link';
import { createMemoryLinkPair } from '../device/byte-link';
import type { DeviceManagerOptions } from '../device/device-manager';
import { DeviceManager } from '../device/device-manager';
import { createRecordingHandlers } from '../recording/recording-handlers';
import { Recorder, type RecorderProjects } from '../recording/recorder';
import { VirtualMeter } from '../virtual-meter/virtual-meter';
import { loadSpec } from '../virtual-meter/virtual-meter-config';
import { VIRTUAL_METER_PATH } from '../virtual-meter/virtual-meter-ports';
import type { EventHub } from './event-hub';

type DeviceMethod = keyof typeof deviceMethods;

export interface DeviceHandlersOptions {
  readonly events: EventHub;
  /** The open project (ProjectService): where captures and recordings go. */
  readonly projects: RecorderProjects;
  /** For tests: timers and the OS port listing of the device manager. */
  readonly deviceManager?: DeviceManagerOptions;
  /** Recorder writes, ms (default 5000). */
  readonly recordingFlushMs?: number;
}

export interface DeviceHandlers {
  readonly handlers: Pick<ApiHandlers, DeviceMethod>;
  /** The application's board link, shared with the calibration service. */
  readonly devices: DeviceManager;
  /** The built-in virtual meter (one instance for the application's life). */
  readonly virtualMeter: VirtualMeter;
  readonly recorder: Recorder;
  dispose(): Promise<void>;
}

// ── Wire forms ─────────────────────────────────────────────────────────────────────────────────────

const orNull = (x: number) => (Number.isFinite(x) ? x : null);
/** 1 mV and 0.1 mA: far below an ADC count (see device-api.ts), and short in JSON. */
const roundTo = (x: number, scale: number) => (Number.isFinite(x) ? Math.round(x * scale) / scale : null);

export function wireStatus(s: DeviceStatus, lastErrorCode: string | null): DeviceStatusWire {
  return { ...s, sampleRateHz: s.sampleRateHz === null ? null : orNull(s.sampleRateHz), lastErrorCode };
}

export function wireWindow(w: MeasurementWindow): MeasurementWindowWire {
  return {
    endSampleIndex: w.endSampleIndex,
    durationS: w.durationS,
    vrmsV: w.vrmsV,
    irmsA: w.irmsA,
    activePowerW: w.activePowerW,
    apparentPowerVA: w.apparentPowerVA,
    reactivePowerVar: w.reactivePowerVar,
    powerFactor: orNull(w.powerFactor),
    frequencyHz: orNull(w.frequencyHz),
    voltageThd: orNull(w.voltageThd),
    currentThd: orNull(w.currentThd),
    voltageHarmonicsV: w.voltageHarmonicsV.map(orNull),
    currentHarmonicsA: w.currentHarmonicsA.map(orNull),
  };
}

export function wireBatch(b: DeviceBatch, seq: number, sentAtMs: number): SampleBatch {
  const n = b.voltageV.length;
  const voltageV = new Array<number | null>(n);
  const currentA = new Array<number | null>(n);
  for (let k = 0; k < n; k++) {
    voltageV[k] = roundTo(b.voltageV[k], 1000);
    currentA[k] = roundTo(b.currentA[k], 10_000);
  }
  const temperature = b.temperatures.filter((t) => t.status === TemperatureStatus.ok).at(-1);
  return {
    seq,
    firstSampleIndex: b.firstSampleIndex,
    sampleRateHz: b.sampleRateHz,
    voltageV,
    currentA,
    lostSamples: b.lostSamples,
    measurements: b.measurements.filter((w) => Number.isFinite(w.vrmsV) && Number.isFinite(w.irmsA)).map(wireWindow),
    temperatureC: temperature ? temperature.temperatureC : null,
    activeEnergyWh: Number.isFinite(b.activeEnergyWh) ? b.activeEnergyWh : 0,
    stats: b.stats,
    receivedAtMs: b.receivedAtMs,
    sentAtMs,
  };
}

/**
 * What a failed connect means for the UI. The device manager gives one code for a board that stays
 * silent and one that sends bytes without a valid frame; the second is what a wrong baud rate (or a
 * text-mode sketch) looks like, and deserves its own advice.
 */
export function connectErrorCode(code: string, message: string): string {
  if (code === 'no-answer' && /bytes came back but no valid frame/.test(message)) return 'wrong-baud';
  return code;
}

// ── The built-in virtual meter ─────────────────────────────────────────────────────────────────────

const DEFAULT_CONFIG: VirtualMeterConfig = {
  preset: '230V-50Hz',
  load: 'resistive',
  powerW: 2300,
  powerFactor: 0.8,
  noiseCounts: 0.5,
  errors: 'uncalibrated',
  fault: 'none',
};

/** Bytes a 1 Mbaud stream read at the wrong rate gives: about as many as the stream, none of them framed. */
const GARBAGE_BYTES_PER_TICK = 280;
const GARBAGE_TICK_MS = 10;

const sameCoefficients = (a: object, b: object) =>
  Object.entries(a).every(([k, v]) => Math.abs((v as number) - (b as Record<string, number>)[k]) <= 1e-6 * Math.max(1, Math.abs(v as number)));

class VirtualMeterHost {
  /** The meter reads this model object on every block, so noise and errors changed here apply live. */
  private readonly model: AdcBoardModel = defaultBoardModel();
  readonly meter: VirtualMeter;
  private config: VirtualMeterConfig = { ...DEFAULT_CONFIG };
  private running = false;
  private unregister: (() => void) | null = null;
  private boardEnd: ByteLink | null = null;
  private garbageTimer: ReturnType<typeof setInterval> | null = null;
  private replugTimer: ReturnType<typeof setTimeout> | null = null;
  private unpluggedUntilMs: number | null = null;

  constructor(
    private readonly devices: DeviceManager,
    private readonly onChange: (state: VirtualMeterState) => void,
  ) {
    this.meter = new VirtualMeter({ board: this.model, mains: MAINS_PRESETS[this.config.preset], load: this.load(), calibration: 'nominal' });
  }

  state(): VirtualMeterState {
    const t = this.meter.truth();
    return {
      running: this.running,
      path: VIRTUAL_METER_PATH,
      boardSerial: this.meter.boardSerial,
      config: { ...this.config, errors: this.errorsState() },
      truth: { vrmsV: t.vrmsV, irmsA: t.irmsA, activePowerW: t.activePowerW, powerFactor: orNull(t.powerFactor), frequencyHz: t.frequencyHz },
      unpluggedUntilMs: this.unpluggedUntilMs,
    };
  }

  async start(patch: Partial<VirtualMeterConfig>): Promise<Result<VirtualMeterState>> {
    this.running = true;
    const configured = await this.configure(patch, false);
    this.plugIn();
    this.changed();
    return configured;
  }

  stop(): VirtualMeterState {
    this.running = false;
    this.clearReplug();
    this.pullOut();
    this.changed();
    return this.state();
  }

  unplugFor(durationMs: number): Result<VirtualMeterState> {
    if (!this.running) return err('not-running', 'The virtual meter is not running.');
    this.clearReplug();
    this.pullOut();
    this.unpluggedUntilMs = Date.now() + durationMs;
    this.replugTimer = setTimeout(() => {
      this.replugTimer = null;
      this.unpluggedUntilMs = null;
      if (this.running) this.plugIn();
      this.changed();
    }, durationMs);
    this.changed();
    return ok(this.state());
  }

  /** Mains, load and noise change live; errors rewrite the board's coefficients; a fault replugs. */
  async configure(patch: Partial<VirtualMeterConfig>, notify = true): Promise<Result<VirtualMeterState>> {
    const before = this.config;
    this.config = { ...before, ...patch };
    if (this.config.preset !== before.preset) this.meter.setMains(MAINS_PRESETS[this.config.preset]);
    this.meter.setLoad(this.load());
    this.model.noiseRmsCounts = this.config.noiseCounts;
    let result: Result<VirtualMeterState> = ok(this.state());
    if (patch.errors !== undefined && patch.errors !== this.errorsState()) {
      const written = await this.writeCoefficients(patch.errors);
      if (!written.ok) result = err(written.code, `The board's coefficients could not be changed: ${written.message}`);
    }
    if (this.config.fault !== before.fault && this.boardEnd) {
      // The new behaviour starts at the next power-up: pull the cable, the device manager reconnects.
      this.boardEnd.close().catch(() => undefined);
      this.boardEnd = null;
    }
    if (notify) this.changed();
    return result.ok ? ok(this.state()) : result;
  }

  dispose(): void {
    this.running = false;
    this.clearReplug();
    this.pullOut();
  }

  private load() {
    const { load, powerW, powerFactor } = this.config;
    return loadSpec(load, powerW, powerFactor);
  }

  private errorsState(): VirtualMeterState['config']['errors'] {
    const inUse = this.meter.calibration;
    const noErrors = sameCoefficients(this.model.errors, NO_ADC_ERRORS);
    if (sameCoefficients(inUse, nominalCalibration(this.model))) return noErrors ? 'ideal' : 'uncalibrated';
    if (!noErrors && sameCoefficients(inUse, idealCalibration(this.model))) return 'calibrated';
    return 'custom';
  }

  /**
   * The board's EEPROM holds its coefficients, so they are changed the way a bench would: written and
   * stored over the protocol — through the application's connection when it is on this meter, otherwise
   * through a private one that powers the meter up for the two commands.
   */
  private async writeCoefficients(kind: VirtualMeterConfig['errors']): Promise<Result<void>> {
    this.model.errors = kind === 'ideal' ? NO_ADC_ERRORS : TYPICAL_ADC_ERRORS;
    const c = kind === 'calibrated' ? idealCalibration(this.model) : nominalCalibration(this.model);
    const s = this.devices.getStatus();
    if (s.path === VIRTUAL_METER_PATH && (s.state === 'connected' || s.state === 'streaming') && this.config.fault === 'none') {
      const written = await this.devices.writeCalibration(c);
      return written.ok ? this.devices.storeCalibration() : written;
    }
    const path = `${VIRTUAL_METER_PATH}#factory`;
    const factory = new DeviceManager({ listPorts: async () => ({ ports: [], source: 'os' }) });
    factory.registerInProcessPort({
      path,
      label: 'factory link',
      open: () => {
        const { host, board } = createMemoryLinkPair(path);
        this.meter.attach(board);
        return host;
      },
    });
    try {
      const connected = await factory.connect({ path, stream: false, autoReconnect: false });
      if (!connected.ok) return connected;
      const written = await factory.writeCalibration(c);
      return written.ok ? await factory.storeCalibration() : written;
    } finally {
      await factory.dispose();
      this.meter.detach();
    }
  }

  private plugIn(): void {
    if (this.unregister || this.unpluggedUntilMs !== null) return;
    this.unregister = this.devices.registerInProcessPort({
      path: VIRTUAL_METER_PATH,
      label: `built-in virtual meter (board ${this.meter.boardSerial})`,
      open: () => this.open(),
    });
  }

  /** Unregisters the port and closes its far end: to the device manager, a cable pulled out. */
  private pullOut(): void {
    this.unregister?.();
    this.unregister = null;
    this.stopGarbage();
    this.meter.detach();
    this.boardEnd?.close().catch(() => undefined);
    this.boardEnd = null;
  }

  private open(): ByteLink {
    this.stopGarbage();
    const { host, board } = createMemoryLinkPair(VIRTUAL_METER_PATH);
    this.boardEnd = board;
    if (this.config.fault === 'none') this.meter.attach(board);
    else if (this.config.fault === 'wrong-baud') {
      this.garbageTimer = setInterval(() => {
        if (!board.isOpen) return this.stopGarbage();
        const bytes = new Uint8Array(GARBAGE_BYTES_PER_TICK);
        for (let k = 0; k < bytes.length; k++) bytes[k] = (Math.random() * 256) | 0;
        board.write(bytes);
      }, GARBAGE_TICK_MS);
    }
    // 'silent': nothing is attached, so nothing ever answers.
    return host;
  }

  private stopGarbage(): void {
    if (this.garbageTimer) clearInterval(this.garbageTimer);
    this.garbageTimer = null;
  }

  private clearReplug(): void {
    if (this.replugTimer) clearTimeout(this.replugTimer);
    this.replugTimer = null;
    this.unpluggedUntilMs = null;
  }

  private changed(): void {
    this.onChange(this.state());
  }
}

// ── Handlers ───────────────────────────────────────────────────────────────────────────────────────

export function createDeviceHandlers(options: DeviceHandlersOptions): DeviceHandlers {
  const { events, projects } = options;
  const devices = new DeviceManager(options.deviceManager);
  const host = new VirtualMeterHost(devices, (state) => events.emit('virtualMeterChanged', state));
  let lastErrorCode: string | null = null;
  let batchSeq = 0;
  const status = () => wireStatus(devices.getStatus(), lastErrorCode);

  const unsubscribe = [
    devices.onStatus((s) => events.emit('deviceStatus', wireStatus(s, lastErrorCode))),
    devices.onBatch((b) => events.emit('sampleBatch', wireBatch(b, batchSeq++, Date.now()))),
  ];
  const recorder = new Recorder(projects, devices, { flushIntervalMs: options.recordingFlushMs, onStatus: (s) => events.emit('recordingStatus', s) });
  // The demo works with no hardware: the virtual meter is plugged in from the start.
  void host.start({});

  const done = <T>(r: Result<T>): Result<null> => (r.ok ? ok(null) : r);

  const handlers: Pick<ApiHandlers, DeviceMethod> = {
    listPorts: () => devices.listPorts(),
    connectDevice: async (args) => {
      lastErrorCode = null;
      if (args.path === VIRTUAL_METER_PATH && !host.state().running) {
        lastErrorCode = 'not-found';
        events.emit('deviceStatus', status());
        return err('not-found', 'The built-in virtual meter is stopped: start it first.');
      }
      const r = await devices.connect(args);
      if (!r.ok) {
        if (r.code === 'superseded') return r;
        lastErrorCode = connectErrorCode(r.code, r.message);
        events.emit('deviceStatus', status());
        return { ...r, code: lastErrorCode };
      }
      return ok(status());
    },
    disconnectDevice: async () => {
      await devices.disconnect();
      return status();
    },
    getDeviceStatus: () => status(),
    startStreaming: async () => done(await devices.startStreaming()),
    stopStreaming: async () => done(await devices.stopStreaming()),
    setSamplesPerPeriod: ({ samplesPerPeriod }) => devices.setSamplesPerPeriod(samplesPerPeriod),

    getVirtualMeter: () => host.state(),
    startVirtualMeter: (config) => host.start(config),
    stopVirtualMeter: () => host.stop(),
    configureVirtualMeter: (config) => host.configure(config),
    unplugVirtualMeter: ({ durationMs }) => host.unplugFor(durationMs),

    ...createRecordingHandlers(projects, devices, recorder),
  };

  return {
    handlers,
    devices,
    virtualMeter: host.meter,
    recorder,
    async dispose() {
      recorder.dispose();
      for (const u of unsubscribe) u();
      host.dispose();
      await devices.dispose();
    },
  };
}
