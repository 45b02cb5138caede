// The scope's controls as a vanilla zustand store (the toolbar writes it, the engine reads it each frame,
// tests drive it without React): run/stop, trigger, time base, vertical scales, traces and cursors.
import { createStore } from 'zustand/vanilla';
import type { TriggerChannel, TriggerEdge } from './trigger';

/** 1–2–5 sequences, as on a bench oscilloscope's knobs. */
export const TIME_PER_DIV_MS = [0.5, 1, 2, 5, 10, 20, 50, 100] as const;
export const VOLTS_PER_DIV = [1, 2, 5, 10, 20, 50, 100, 200] as const;
export const AMPS_PER_DIV = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50] as const;
export const WATTS_PER_DIV = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000] as const;

/** The screen: 10 horizontal divisions with the trigger one division from the left; ±4 vertical divisions. */
export const DIVISIONS_X = 10;
export const PRE_TRIGGER_DIVS = 1;
export const DIVISIONS_Y = 8;

export type TriggerMode = 'auto' | 'normal' | 'single';

export interface ScopeSettings {
  readonly running: boolean;
  readonly mode: TriggerMode;
  readonly triggerChannel: TriggerChannel;
  readonly triggerEdge: TriggerEdge;
  readonly triggerLevelV: number;
  readonly triggerLevelA: number;
  readonly timePerDivMs: number;
  readonly voltsPerDiv: number;
  readonly ampsPerDiv: number;
  readonly wattsPerDiv: number;
  readonly showVoltage: boolean;
  readonly showCurrent: boolean;
  readonly showPower: boolean;
  readonly cursorsOn: boolean;
  /** Cursor times, ms from the trigger. */
  readonly cursorAMs: number;
  readonly cursorBMs: number;
  /** Bumped by "Single" so the engine knows to arm again. */
  readonly singleArm: number;
}

export interface ScopeSettingsActions {
  set(patch: Partial<ScopeSettings>): void;
  runStop(): void;
  single(): void;
}

export type ScopeSettingsStore = ReturnType<typeof createScopeSettings>;

export const DEFAULT_SCOPE_SETTINGS: ScopeSettings = {
  running: true,
  mode: 'auto',
  triggerChannel: 'voltage',
  triggerEdge: 'rising',
  triggerLevelV: 0,
  triggerLevelA: 0,
  timePerDivMs: 5,
  voltsPerDiv: 100,
  ampsPerDiv: 5,
  wattsPerDiv: 2000,
  showVoltage: true,
  showCurrent: true,
  showPower: true,
  cursorsOn: false,
  cursorAMs: 0,
  cursorBMs: 10,
  singleArm: 0,
};

export function createScopeSettings(initial: Partial<ScopeSettings> = {}) {
  return createStore<ScopeSettings & ScopeSettingsActions>()((set, get) => ({
    ...DEFAULT_SCOPE_SETTINGS,
    ...initial,
    set: (patch) => set(patch),
    runStop: () => set({ running: !get().running, ...(get().mode === 'single' && !get().running ? { singleArm: get().singleArm + 1 } : {}) }),
    single: () => set({ mode: 'single', running: true, singleArm: get().singleArm + 1 }),
  }));
}

/** Visible time span: [−pre, +post] ms around the trigger. */
export function timeSpanMs(s: Pick<ScopeSettings, 'timePerDivMs'>): { preMs: number; postMs: number } {
  return { preMs: PRE_TRIGGER_DIVS * s.timePerDivMs, postMs: (DIVISIONS_X - PRE_TRIGGER_DIVS) * s.timePerDivMs };
}

/** The smallest step of a 1–2–5 list whose `divisions` hold `span` (the largest step if none does). */
export function stepFor(steps: readonly number[], span: number, divisions: number): number {
  return steps.find((s) => s * divisions >= span) ?? steps[steps.length - 1];
}

/** The next step up or down a list from the current value. */
export function stepNext(steps: readonly number[], current: number, direction: 1 | -1): number {
  const at = steps.findIndex((s) => s >= current - 1e-12);
  const index = at < 0 ? steps.length - 1 : at;
  return steps[Math.min(steps.length - 1, Math.max(0, index + direction))];
}
