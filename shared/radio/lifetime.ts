// Battery lifetime from a duty cycle (thesis §2.2.7; arithmetic of the IoT course chapter, seed 002 §2):
//   average current = Σ current_i × time_i / period,   lifetime = capacity / average current.
// One cycle: sleep, measure, transmit (at the level its link needs: the transmit current depends on
// the power level), receive (acknowledgement window); sleep fills the rest of the period. Self-discharge
// and the battery's usable fraction are left to the capacity the engineer enters.

export const HOURS_PER_YEAR = 365.25 * 24;

export interface CyclePhase {
  readonly currentMa: number;
  readonly durationS: number;
}

export interface DutyCycle {
  readonly periodS: number;
  readonly sleepCurrentMa: number;
  /** Active phases within one period; sleep covers the remaining time. */
  readonly phases: readonly CyclePhase[];
}

export type AverageCurrent = { ok: true; currentMa: number } | { ok: false; code: 'cycle-too-long'; message: string };

/** Average current over one period. Active phases longer than the period are a clear error. */
export function averageCurrentMa(cycle: DutyCycle): AverageCurrent {
  let activeS = 0;
  let chargeMaS = 0;
  for (const phase of cycle.phases) {
    activeS += phase.durationS;
    chargeMaS += phase.currentMa * phase.durationS;
  }
  if (!(cycle.periodS > 0) || activeS > cycle.periodS * (1 + 1e-12)) {
    return {
      ok: false,
      code: 'cycle-too-long',
      message: `The active phases last ${activeS} s, longer than the ${cycle.periodS} s reporting period.`,
    };
  }
  chargeMaS += cycle.sleepCurrentMa * Math.max(0, cycle.periodS - activeS);
  return { ok: true, currentMa: chargeMaS / cycle.periodS };
}

export function lifetimeHours(capacityMah: number, averageMa: number): number {
  return averageMa > 0 ? capacityMah / averageMa : Infinity;
}

export function lifetimeYears(capacityMah: number, averageMa: number): number {
  return lifetimeHours(capacityMah, averageMa) / HOURS_PER_YEAR;
}

/** Worst case over a network: the shortest lifetime (Infinity for an empty list or mains power only). */
export function worstLifetime(values: ArrayLike<number>): number {
  let worst = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < worst) worst = values[i];
  return worst;
}
