// Pareto and constraint domination (Deb 2000, "An efficient constraint handling method for genetic
// algorithms", as used by NSGA-II, Deb et al. 2002 §VI): a feasible solution beats an infeasible one,
// of two infeasible ones the smaller total violation wins, of two feasible ones Pareto dominance decides.

/** 1 if a Pareto-dominates b (minimisation), -1 if b dominates a, 0 if neither. */
export function paretoCompare(a: Float64Array, b: Float64Array): number {
  let aBetter = false;
  let bBetter = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) aBetter = true;
    else if (b[i] < a[i]) bBetter = true;
    if (aBetter && bBetter) return 0;
  }
  return aBetter === bBetter ? 0 : aBetter ? 1 : -1;
}

/** Constraint domination: 1 if a constrained-dominates b, -1 if b dominates a, 0 otherwise. */
export function constrainedCompare(fa: Float64Array, cva: number, fb: Float64Array, cvb: number): number {
  if (cva > 0 || cvb > 0) {
    if (cva < cvb) return 1;
    if (cvb < cva) return -1;
    return 0;
  }
  return paretoCompare(fa, fb);
}
