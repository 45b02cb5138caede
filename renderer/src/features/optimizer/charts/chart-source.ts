// What the charts show, from the Optimise store and the live progress: the compared stored runs of the
// chosen problem, then the running job's latest fronts (until each is stored and loaded).
import { algorithmColour } from '../algorithms';
import type { LiveProgress } from '../live-progress';
import { frontVectors } from '../objectives';
import { problemKey, type OptimizerState } from '../optimizer-store';
import { assignShapes, type FrontSeries, type SeriesDraft } from './chart-model';

export function seriesOf(s: OptimizerState, live: Pick<LiveProgress, 'runsOf'>): FrontSeries[] {
  const drafts: SeriesDraft[] = [];
  for (const id of s.compared) {
    const run = s.loaded[id];
    if (!run) continue;
    drafts.push({
      key: `run:${id}`,
      runId: id,
      algorithm: run.algorithm,
      problem: run.problem,
      colour: algorithmColour(run.algorithm),
      objectives: run.objectives,
      points: frontVectors(run),
      hypervolumes: run.history.filter((h) => h.hypervolume !== null).map((h) => ({ generation: h.generation, hypervolume: h.hypervolume! })),
      live: false,
    });
  }
  const job = s.job;
  if (job?.jobId) {
    for (const run of live.runsOf(job.jobId)) {
      // A stored run is drawn from the project once loaded; until then its last live front stays.
      if (run.objectives.length === 0 || (run.runId !== null && s.loaded[run.runId] && s.compared.includes(run.runId))) continue;
      drafts.push({
        key: `live:${run.jobId}:${run.algorithm}`,
        runId: null,
        algorithm: run.algorithm,
        problem: problemKey(job.args),
        colour: algorithmColour(run.algorithm),
        objectives: run.objectives,
        points: run.front,
        hypervolumes: run.hypervolumes,
        live: true,
      });
    }
  }
  const problem = s.problem ?? drafts[0]?.problem ?? null;
  return assignShapes(drafts.filter((d) => d.problem === problem));
}

/** Problems of the compared runs and the running job, with how many runs each: the chart's tabs. */
export function problemsOf(s: OptimizerState): { problem: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const id of s.compared) {
    const p = s.loaded[id]?.problem ?? s.runs.find((r) => r.id === id)?.problem;
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  if (s.job && s.job.pending.length > 0) {
    const p = problemKey(s.job.args);
    counts.set(p, Math.max(counts.get(p) ?? 0, s.job.args.algorithms.length));
  }
  return [...counts].map(([problem, count]) => ({ problem, count }));
}
