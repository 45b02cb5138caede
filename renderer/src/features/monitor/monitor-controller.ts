// The Monitor area's data: reads trends, daily energy, threshold episodes, sessions and captures from
// the open project through the API (again when the range changes, when the recorder writes, when the
// project changes), keeps the threshold rules, and watches the live windows for alerts — a toast when
// one begins, and the status bar shows it while it lasts.
import type { MeterplanApi } from '../../../../shared/api/contract';
import type { SampleBatch, ThresholdRule } from '../../../../shared/api/device-api';
import type { Result } from '../../../../shared/api/result';
import { createMonitorStore, RANGE_MS, type MonitorStore, type RangeName } from './monitor-store';
import { LiveAlertTracker, loadRules, ruleId, saveRules, type LiveAlert } from './threshold-rules';

/** Most points a trend asks for: about one per 2 px of a wide chart. */
const TREND_POINTS = 800;
/** After the recorder writes, read again at most this often. */
const RELOAD_AFTER_WRITE_MS = 10_000;

export interface MonitorDeps {
  readonly api: MeterplanApi;
  readonly subscribeBatches: (listener: (b: SampleBatch) => void) => () => void;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly onAlert: (alert: LiveAlert) => void;
  readonly now?: () => number;
}

export class MonitorController {
  readonly store: MonitorStore = createMonitorStore();
  private readonly tracker = new LiveAlertTracker();
  private readonly now: () => number;
  private loadSeq = 0;
  private lastReloadMs = 0;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly deps: MonitorDeps) {
    this.now = deps.now ?? Date.now;
    this.store.setState({ rules: loadRules(deps.storage) });
    this.unsubscribe = [
      deps.subscribeBatches((b) => this.onBatch(b)),
      deps.api.on('projectChanged', () => {
        this.store.setState({ sessionId: null });
        void this.load();
      }),
      // No stream, no live value: an alert cannot go on being "now".
      deps.api.on('deviceStatus', (status) => {
        if (status.state === 'streaming') return;
        this.tracker.clear();
        if (this.store.getState().liveAlerts.length) this.store.setState({ liveAlerts: [] });
      }),
      deps.api.on('recordingStatus', () => {
        if (this.now() - this.lastReloadMs >= RELOAD_AFTER_WRITE_MS) void this.load();
      }),
    ];
  }

  /** The range as the API wants it (ISO strings), from now. */
  rangeArgs(): { from?: string; sessionId?: number } {
    const { range, sessionId } = this.store.getState();
    return {
      ...(range === 'all' ? {} : { from: new Date(this.now() - RANGE_MS[range]).toISOString() }),
      ...(sessionId !== null ? { sessionId } : {}),
    };
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.lastReloadMs = this.now();
    this.store.setState({ loading: true });
    const range = this.rangeArgs();
    const { rules } = this.store.getState();
    const utcOffsetMin = -new Date(this.now()).getTimezoneOffset();
    try {
      const [trend, daily, sessions, captures, ...episodes] = await Promise.all([
        this.deps.api.getPowerTrend({ ...range, maxPoints: TREND_POINTS }),
        this.deps.api.getDailyEnergy({ ...range, utcOffsetMin }),
        this.deps.api.listMeterSessions({}),
        this.deps.api.listCaptures({}),
        ...rules.map((rule) => this.deps.api.getThresholdEpisodes({ ...range, rule: { metric: rule.metric, op: rule.op, value: rule.value } })),
      ]);
      if (seq !== this.loadSeq) return;
      const failed = [trend, daily, sessions, captures, ...episodes].find((r): r is Extract<Result<unknown>, { ok: false }> => !r.ok);
      this.store.setState({
        loading: false,
        loadedAtMs: this.now(),
        error: failed ? failed.message : null,
        trend: trend.ok ? trend.value : null,
        daily: daily.ok ? daily.value : [],
        sessions: sessions.ok ? sessions.value : [],
        captures: captures.ok ? captures.value : [],
        episodes: Object.fromEntries(rules.map((rule, k) => [rule.id, episodes[k]?.ok ? episodes[k].value : []])),
      });
    } catch (e) {
      if (seq === this.loadSeq) this.store.setState({ loading: false, error: (e as Error).message });
    }
  }

  setRange(range: RangeName): void {
    this.store.setState({ range });
    void this.load();
  }

  setSession(sessionId: number | null): void {
    this.store.setState({ sessionId });
    void this.load();
  }

  addRule(rule: ThresholdRule): void {
    const id = ruleId(rule);
    const rules = this.store.getState().rules;
    if (rules.some((r) => r.id === id)) return;
    const next = [...rules, { ...rule, id }];
    this.store.setState({ rules: next });
    saveRules(this.deps.storage, next);
    void this.load();
  }

  removeRule(id: string): void {
    const next = this.store.getState().rules.filter((r) => r.id !== id);
    this.store.setState({ rules: next, liveAlerts: this.store.getState().liveAlerts.filter((a) => a.rule.id !== id) });
    saveRules(this.deps.storage, next);
  }

  async deleteCapture(id: number): Promise<Result<null>> {
    const r = await this.deps.api.deleteCapture({ id });
    if (r.ok) this.store.setState({ captures: this.store.getState().captures.filter((c) => c.id !== id) });
    return r;
  }

  private onBatch(b: SampleBatch): void {
    const { rules } = this.store.getState();
    if (rules.length === 0 || b.measurements.length === 0) return;
    for (const w of b.measurements) for (const alert of this.tracker.push(rules, w, this.now())) this.deps.onAlert(alert);
    const alerts = this.tracker.alerts;
    const before = this.store.getState().liveAlerts;
    if (alerts.length !== before.length || alerts.some((a, k) => a.rule.id !== before[k]?.rule.id || a.extreme !== before[k]?.extreme)) this.store.setState({ liveAlerts: alerts });
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
  }
}
