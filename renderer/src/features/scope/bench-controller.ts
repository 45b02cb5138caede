// The window's metering bench: API calls (ports, connect, virtual meter, captures, recording) and the
// events that keep the bench store current. One per window (bench-services.ts), shared by the Scope
// view, the Monitor view and the status bar. Measurements reach the store at window rate (5 per second)
// and link statistics at most 4 times a second; samples go to the scope engine only.
import type { MeterplanApi } from '../../../../shared/api/contract';
import type { CaptureInput, CaptureSummary, ConnectArgs, SampleBatch, VirtualMeterConfig, VirtualMeterState } from '../../../../shared/api/device-api';
import type { Result } from '../../../../shared/api/result';
import { createBenchStore, type BenchState, type BenchStore } from './bench-store';
import { ScopeEngine, type ScopeEngineOptions } from './engine/scope-engine';
import { createScopeSettings, type ScopeSettingsStore } from './engine/scope-settings';

const STATS_INTERVAL_MS = 250;

export class BenchController {
  readonly store: BenchStore = createBenchStore();
  readonly settings: ScopeSettingsStore = createScopeSettings();
  readonly engine: ScopeEngine;
  private lastStatsMs = 0;
  private readonly batchListeners = new Set<(b: SampleBatch) => void>();
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly api: MeterplanApi,
    engineOptions: ScopeEngineOptions = {},
  ) {
    // One subscription (one schema check per batch) feeds both the store and the engine.
    this.engine = new ScopeEngine({ on: (_event, listener) => this.subscribeBatches(listener) }, this.settings, engineOptions);
    this.unsubscribe = [
      api.on('deviceStatus', (status) => {
        // Without a stream the last readings would pass for live ones: they go with the trace.
        this.store.setState({ status, stats: status.stats, ...(status.state === 'streaming' ? {} : { measurement: null }) });
        this.engine.setLive(status.state === 'streaming');
      }),
      api.on('virtualMeterChanged', (virtualMeter) => this.store.setState({ virtualMeter })),
      api.on('recordingStatus', (recording) => this.store.setState({ recording })),
      api.on('sampleBatch', (b) => this.handleBatch(b)),
    ];
  }

  /** Everything the bench shows, from the back end (at start-up and after the link to it came back). */
  async refresh(): Promise<void> {
    const [status, virtualMeter, recording] = await Promise.all([this.api.getDeviceStatus({}), this.api.getVirtualMeter({}), this.api.getRecordingStatus({})]);
    this.store.setState({ status, stats: status.stats, virtualMeter, recording });
    this.engine.setLive(status.state === 'streaming');
    await this.refreshPorts();
  }

  async refreshPorts(): Promise<void> {
    this.store.setState({ portsLoading: true });
    try {
      this.store.setState({ ports: await this.api.listPorts({}) });
    } finally {
      this.store.setState({ portsLoading: false });
    }
  }

  /** Every batch, after the store has taken what it shows: the scope engine, the monitor's live alerts. */
  subscribeBatches(listener: (b: SampleBatch) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  private handleBatch(b: SampleBatch): void {
    const patch: { -readonly [K in keyof BenchState]?: BenchState[K] } = {};
    const newest = b.measurements.at(-1);
    if (newest) patch.measurement = newest;
    if (b.temperatureC !== null) patch.temperatureC = b.temperatureC;
    const now = Date.now();
    if (newest || now - this.lastStatsMs >= STATS_INTERVAL_MS) {
      this.lastStatsMs = now;
      patch.stats = b.stats;
      patch.activeEnergyWh = b.activeEnergyWh;
    }
    if (Object.keys(patch).length) this.store.setState(patch);
    for (const l of [...this.batchListeners]) l(b);
  }

  async connect(args: ConnectArgs): Promise<Result<unknown>> {
    this.store.setState({ busy: true, measurement: null, temperatureC: null, connectError: null });
    try {
      const r = await this.api.connectDevice(args);
      if (r.ok) {
        this.store.setState({ status: r.value, stats: r.value.stats });
        this.engine.setLive(r.value.state === 'streaming');
        this.engine.resetStats();
      } else if (r.code !== 'superseded') this.store.setState({ connectError: { code: r.code, message: r.message } });
      return r;
    } finally {
      this.store.setState({ busy: false });
    }
  }

  async disconnect(): Promise<void> {
    this.store.setState({ busy: true });
    try {
      const status = await this.api.disconnectDevice({});
      this.store.setState({ status, stats: status.stats });
      this.engine.setLive(false);
    } finally {
      this.store.setState({ busy: false });
    }
  }

  async setSamplesPerPeriod(samplesPerPeriod: 64 | 128): Promise<Result<unknown>> {
    return this.api.setSamplesPerPeriod({ samplesPerPeriod });
  }

  async startVirtualMeter(): Promise<Result<VirtualMeterState>> {
    const r = await this.api.startVirtualMeter({});
    if (r.ok) this.store.setState({ virtualMeter: r.value });
    void this.refreshPorts();
    return r;
  }

  async stopVirtualMeter(): Promise<void> {
    this.store.setState({ virtualMeter: await this.api.stopVirtualMeter({}) });
    void this.refreshPorts();
  }

  async configureVirtualMeter(patch: Partial<VirtualMeterConfig>): Promise<Result<VirtualMeterState>> {
    const r = await this.api.configureVirtualMeter(patch);
    if (r.ok) this.store.setState({ virtualMeter: r.value });
    return r;
  }

  async unplugVirtualMeter(durationMs: number): Promise<Result<VirtualMeterState>> {
    return this.api.unplugVirtualMeter({ durationMs });
  }

  /** The scope's current view as a capture (null when nothing is on the screen). */
  captureInput(note: string): CaptureInput | null {
    const sweep = this.engine.sweep;
    if (!sweep) return null;
    const s = this.settings.getState();
    const m = this.store.getState().measurement;
    return {
      note,
      sampleRateHz: sweep.sampleRateHz,
      startMs: sweep.timeMs[0],
      voltageV: sweep.voltageV,
      currentA: sweep.currentA,
      ...(m
        ? {
            metrics: {
              durationS: m.durationS,
              vrmsV: m.vrmsV,
              irmsA: m.irmsA,
              activePowerW: m.activePowerW,
              apparentPowerVA: m.apparentPowerVA,
              reactivePowerVar: m.reactivePowerVar,
              powerFactor: m.powerFactor,
              frequencyHz: m.frequencyHz,
              voltageThd: m.voltageThd,
              currentThd: m.currentThd,
              temperatureC: this.store.getState().temperatureC,
            },
          }
        : {}),
      view: {
        timePerDivMs: s.timePerDivMs,
        voltsPerDiv: s.voltsPerDiv,
        ampsPerDiv: s.ampsPerDiv,
        triggerChannel: s.triggerChannel,
        triggerEdge: s.triggerEdge,
        triggerLevel: s.triggerChannel === 'voltage' ? s.triggerLevelV : s.triggerLevelA,
        triggered: sweep.triggered,
      },
    };
  }

  async saveCapture(note: string): Promise<Result<CaptureSummary>> {
    const input = this.captureInput(note);
    if (!input) return { ok: false, code: 'nothing-to-capture', message: '' };
    return this.api.saveCapture(input);
  }

  async exportViewCsv(path: string): Promise<Result<{ path: string; rows: number; bytes: number }>> {
    const input = this.captureInput('');
    if (!input) return { ok: false, code: 'nothing-to-capture', message: '' };
    return this.api.exportCaptureCsv({ path, source: { capture: input } });
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.engine.dispose();
    this.batchListeners.clear();
  }
}
