// Normalisation helpers: map minimisation-form objectives onto [0, 1] per objective so that fronts in
// mixed units (sensors, percentages) give comparable indicators; the hypervolume of a normalised
// front with reference point (1, …, 1) is a share of the unit box.
import type { Individual } from '../individual';
import type { ObjectiveSpec } from '../problem';
import { hypervolume } from './hypervolume';

export interface ObjectiveBounds {
  /** Minimisation form: ideal (best) and reference (worst) value per objective. */
  readonly ideal: Float64Array;
  readonly nadir: Float64Array;
}

/** Bounds from the problem's declared best/worst values (sign-adjusted to minimisation), or null if any is missing. */
export function declaredBounds(objectives: readonly ObjectiveSpec[]): ObjectiveBounds | null {
  if (objectives.some((o) => o.best === undefined || o.worst === undefined)) return null;
  const sign = (o: ObjectiveSpec): number => (o.direction === 'minimize' ? 1 : -1);
  return {
    ideal: Float64Array.from(objectives, (o) => sign(o) * (o.best as number)),
    nadir: Float64Array.from(objectives, (o) => sign(o) * (o.worst as number)),
  };
}

/** Bounds observed on a set of minimisation-form points (min and max per objective). */
export function observedBounds(F: readonly ArrayLike<number>[]): ObjectiveBounds {
  const m = F[0]?.length ?? 0;
  const ideal = new Float64Array(m).fill(Infinity);
  const nadir = new Float64Array(m).fill(-Infinity);
  for (const f of F) {
    for (let k = 0; k < m; k++) {
      ideal[k] = Math.min(ideal[k], f[k]);
      nadir[k] = Math.max(nadir[k], f[k]);
    }
  }
  return { ideal, nadir };
}

/** (f − ideal) / (nadir − ideal) per objective (a zero range maps to 0). */
export function normalize(F: readonly ArrayLike<number>[], bounds: ObjectiveBounds): Float64Array[] {
  return F.map((f) =>
    Float64Array.from({ length: bounds.ideal.length }, (_, k) => {
      const range = bounds.nadir[k] - bounds.ideal[k];
      return range > 0 ? (f[k] - bounds.ideal[k]) / range : 0;
    }),
  );
}

/** Hypervolume of the individuals' normalised objectives with reference point (1, …, 1). */
export function normalizedHypervolume(front: readonly Individual[], bounds: ObjectiveBounds): number {
  const points = normalize(
    front.filter((s) => s.violation === 0).map((s) => s.f),
    bounds,
  );
  return hypervolume(points, new Float64Array(bounds.ideal.length).fill(1));
}
