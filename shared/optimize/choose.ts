// A default pick from a deployment front, for the CLI's "chosen plan" and as the UI's initial
// selection: the best coverage found (sensors) or connectivity (routers), then the lowest cost, then
// the lowest over-coverage. Test problems have no chosen plan.
import type { FrontSolution } from './request';

export function chooseSolution(problem: string, front: readonly FrontSolution[]): FrontSolution | null {
  if (front.length === 0) return null;
  const primary = problem === 'sensors' ? 'coverage' : problem === 'routers' ? 'connectivity' : null;
  if (!primary) return null;
  const get = (s: FrontSolution, key: string, fallback: number): number => s.objectives[key] ?? fallback;
  return front.reduce((best, s) => {
    const d =
      get(s, primary, 0) - get(best, primary, 0) ||
      get(best, 'cost', 0) - get(s, 'cost', 0) ||
      get(best, 'overCoverage', 0) - get(s, 'overCoverage', 0) ||
      get(s, 'connectivity', 0) - get(best, 'connectivity', 0);
    return d > 0 ? s : best;
  });
}
