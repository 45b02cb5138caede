// Threshold alerts over the recorded minutes: runs of consecutive minutes whose average breaks a rule
// ("P above 3 kW"), each with its start, end and worst value. A missing minute ends a run.
import type { ThresholdEpisode, ThresholdRule } from '../../../shared/api/device-api';

const MINUTE_MS = 60_000;
/** More than this many episodes is noise, not alerts: the newest are kept. */
export const MAX_EPISODES = 1000;

export function breaks(rule: Pick<ThresholdRule, 'op' | 'value'>, value: number): boolean {
  return rule.op === 'above' ? value > rule.value : value < rule.value;
}

export function thresholdEpisodes(minutes: readonly { minuteStart: string; value: number }[], rule: ThresholdRule): ThresholdEpisode[] {
  const out: ThresholdEpisode[] = [];
  let open: { startMs: number; lastMs: number; minutes: number; extreme: number } | null = null;
  const close = () => {
    if (!open) return;
    out.push({ start: new Date(open.startMs).toISOString(), end: new Date(open.lastMs + MINUTE_MS).toISOString(), minutes: open.minutes, extreme: open.extreme });
    open = null;
  };
  for (const m of minutes) {
    const t = Date.parse(m.minuteStart);
    if (open && t - open.lastMs !== MINUTE_MS) close();
    if (!breaks(rule, m.value)) {
      close();
      continue;
    }
    if (!open) open = { startMs: t, lastMs: t, minutes: 1, extreme: m.value };
    else {
      open.lastMs = t;
      open.minutes++;
      open.extreme = rule.op === 'above' ? Math.max(open.extreme, m.value) : Math.min(open.extreme, m.value);
    }
  }
  close();
  return out.slice(-MAX_EPISODES);
}
