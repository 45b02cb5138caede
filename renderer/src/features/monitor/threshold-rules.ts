// Threshold alerts ("P above 3 kW", "V below 207 V"): the rules a user keeps (in this browser's storage,
// per machine), checked two ways — over the recorded minutes by the back end (episodes), and live on the
// 200 ms windows here, where a rule must be broken for a few windows in a row before it alerts and stays
// quiet until the value is back, so that one noisy window neither alerts nor clears an alert.
import type { MeasurementWindowWire, ThresholdRule } from '../../../../shared/api/device-api';
import { ThresholdRuleSchema } from '../../../../shared/api/device-api';

export const METRICS = ['activePowerW', 'vrmsV', 'irmsA', 'powerFactor', 'frequencyHz'] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_UNITS: Record<Metric, 'W' | 'V' | 'A' | 'PF' | 'Hz'> = { activePowerW: 'W', vrmsV: 'V', irmsA: 'A', powerFactor: 'PF', frequencyHz: 'Hz' };

/** Consecutive 200 ms windows beyond the threshold before a live alert: 0.6 s. */
export const ALERT_AFTER_WINDOWS = 3;

const STORAGE_KEY = 'meterplan.monitor.thresholds';

export interface StoredRule extends ThresholdRule {
  readonly id: string;
}

export function ruleId(rule: ThresholdRule): string {
  return `${rule.metric}:${rule.op}:${rule.value}`;
}

export function loadRules(storage: Pick<Storage, 'getItem'> | null): StoredRule[] {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((r) => {
      const ok = ThresholdRuleSchema.safeParse(r);
      return ok.success ? [{ ...ok.data, id: ruleId(ok.data) }] : [];
    });
  } catch {
    return [];
  }
}

export function saveRules(storage: Pick<Storage, 'setItem'> | null, rules: readonly ThresholdRule[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(rules.map(({ metric, op, value }) => ({ metric, op, value }))));
  } catch {
    // Private mode or a full storage: the rules last for this session only.
  }
}

export function windowValue(w: MeasurementWindowWire, metric: Metric): number | null {
  return w[metric];
}

export function breaks(rule: ThresholdRule, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  return rule.op === 'above' ? value > rule.value : value < rule.value;
}

export interface LiveAlert {
  readonly rule: StoredRule;
  /** The worst value seen since the alert began. */
  readonly extreme: number;
  readonly sinceMs: number;
}

/** Follows the live windows against the rules; reports alerts that begin and end. */
export class LiveAlertTracker {
  private readonly streak = new Map<string, number>();
  private readonly active = new Map<string, LiveAlert>();

  /** One window at `atMs`; returns the alerts that began with it. */
  push(rules: readonly StoredRule[], w: MeasurementWindowWire, atMs: number): LiveAlert[] {
    const begun: LiveAlert[] = [];
    const known = new Set(rules.map((r) => r.id));
    for (const id of [...this.active.keys()]) if (!known.has(id)) this.active.delete(id);
    for (const rule of rules) {
      const value = windowValue(w, rule.metric);
      if (!breaks(rule, value)) {
        this.streak.set(rule.id, 0);
        this.active.delete(rule.id);
        continue;
      }
      const n = (this.streak.get(rule.id) ?? 0) + 1;
      this.streak.set(rule.id, n);
      const current = this.active.get(rule.id);
      if (current) {
        const extreme = rule.op === 'above' ? Math.max(current.extreme, value!) : Math.min(current.extreme, value!);
        this.active.set(rule.id, { ...current, extreme });
      } else if (n >= ALERT_AFTER_WINDOWS) {
        const alert = { rule, extreme: value!, sinceMs: atMs };
        this.active.set(rule.id, alert);
        begun.push(alert);
      }
    }
    return begun;
  }

  get alerts(): LiveAlert[] {
    return [...this.active.values()];
  }

  clear(): void {
    this.streak.clear();
    this.active.clear();
  }
}
