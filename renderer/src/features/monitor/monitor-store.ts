// What the Monitor area shows, as a vanilla store: the range and session chosen, the trend and daily
// energy read from the project's one-minute aggregates, the threshold rules with their episodes, the live
// alerts, and the project's recording sessions and captures.
import { createStore } from 'zustand/vanilla';
import type { CaptureSummary, DailyEnergy, MeterSession, ThresholdEpisode, TrendPoint } from '../../../../shared/api/device-api';
import type { LiveAlert, StoredRule } from './threshold-rules';

export const RANGES = ['hour', 'day', 'week', 'month', 'all'] as const;
export type RangeName = (typeof RANGES)[number];
export const RANGE_MS: Record<Exclude<RangeName, 'all'>, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 };

export interface MonitorState {
  readonly range: RangeName;
  readonly sessionId: number | null;
  readonly trend: { bucketMinutes: number; points: TrendPoint[] } | null;
  readonly daily: DailyEnergy[];
  readonly sessions: MeterSession[];
  readonly captures: CaptureSummary[];
  readonly rules: StoredRule[];
  readonly episodes: Record<string, ThresholdEpisode[]>;
  readonly liveAlerts: LiveAlert[];
  readonly loading: boolean;
  /** Why the last load failed (no project, a file that cannot be read…). */
  readonly error: string | null;
  /** When the data was last read, epoch ms. */
  readonly loadedAtMs: number | null;
}

export type MonitorStore = ReturnType<typeof createMonitorStore>;

export function createMonitorStore(initial: Partial<MonitorState> = {}) {
  return createStore<MonitorState>()(() => ({
    range: 'day',
    sessionId: null,
    trend: null,
    daily: [],
    sessions: [],
    captures: [],
    rules: [],
    episodes: {},
    liveAlerts: [],
    loading: false,
    error: null,
    loadedAtMs: null,
    ...initial,
  }));
}
