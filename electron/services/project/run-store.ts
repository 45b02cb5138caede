// Optimisation runs in the project file: written once when a run ends, listed cheaply, read whole on demand.
import { err, ok, type Result } from '../../../shared/api/result';
import type { NewOptimizationRun, OptimizationRun, RunSummary } from '../../../shared/api/optimization-api';
import type { ProjectStore } from './project-store';

type Row = Record<string, unknown>;

/** The summary fields kept together in summary_json. */
type SummaryJson = Pick<RunSummary, 'parameters' | 'objectives' | 'evaluations' | 'elapsedMs' | 'stopReason' | 'frontSize'>;

export function addRun(store: ProjectStore, run: NewOptimizationRun): Result<{ id: number }> {
  return store.edit(() => {
    if (!store.db.prepare('SELECT 1 FROM floors WHERE id = ?').get(run.floorId)) return err('not-found', `There is no floor ${run.floorId}.`);
    const summary: SummaryJson = {
      parameters: run.parameters,
      objectives: run.objectives,
      evaluations: run.evaluations,
      elapsedMs: run.elapsedMs,
      stopReason: run.stopReason,
      frontSize: run.front.length,
    };
    const r = store.db
      .prepare(
        `INSERT INTO optimization_runs (floor_id, created_at, problem, algorithm, encoding, seed, summary_json, history_json, front_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.floorId, new Date().toISOString(), run.problem, run.algorithm, run.encoding, run.seed, JSON.stringify(summary), JSON.stringify(run.history), JSON.stringify(run.front));
    return ok({ id: Number(r.lastInsertRowid) });
  });
}

function summaryOf(row: Row): RunSummary {
  return {
    id: row.id as number,
    floorId: row.floor_id as number,
    createdAt: row.created_at as string,
    problem: row.problem as string,
    algorithm: row.algorithm as RunSummary['algorithm'],
    encoding: row.encoding as RunSummary['encoding'],
    seed: row.seed as number,
    ...(JSON.parse(row.summary_json as string) as SummaryJson),
  };
}

export function listRuns(store: ProjectStore): RunSummary[] {
  const rows = store.db
    .prepare('SELECT id, floor_id, created_at, problem, algorithm, encoding, seed, summary_json FROM optimization_runs ORDER BY id')
    .all() as Row[];
  return rows.map(summaryOf);
}

export function getRun(store: ProjectStore, id: number): Result<OptimizationRun> {
  const row = store.db.prepare('SELECT * FROM optimization_runs WHERE id = ?').get(id) as Row | undefined;
  if (!row) return err('not-found', `There is no optimisation run ${id}.`);
  return ok({
    ...summaryOf(row),
    history: JSON.parse(row.history_json as string) as OptimizationRun['history'],
    front: JSON.parse(row.front_json as string) as OptimizationRun['front'],
  });
}

export function deleteRun(store: ProjectStore, id: number): Result<null> {
  return store.edit(() => {
    const r = store.db.prepare('DELETE FROM optimization_runs WHERE id = ?').run(id);
    return r.changes === 1 ? ok(null) : err('not-found', `There is no optimisation run ${id}.`);
  });
}
