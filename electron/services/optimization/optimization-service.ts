// Runs the optimisations the planner asks for: builds the problem from the project's floor, starts one
// worker per algorithm, forwards progress as events, and stores each finished (or stopped) run in the
// project so that it can be reopened and compared later.
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../../shared/api/result';
import type { NewOptimizationRun, StartOptimization } from '../../../shared/api/optimization-api';
import type { DeviceKind } from '../../../shared/model/building';
import type { AlgorithmName } from '../../../shared/optimize/algorithms/parameters';
import type { ProblemSpec } from '../../../shared/optimize/problems/registry';
import type { OptimizationRequest, OptimizationResult } from '../../../shared/optimize/request';
import { validateOptimizationRequest } from '../../../shared/optimize/validate';
import type { EventHub } from '../app/event-hub';
import { startOptimization, type OptimizationRun } from '../optimizer/runner';
import type { ProjectService } from '../project/project-service';
import { addRun, getRun } from '../project/run-store';
import { multiWallSpecOfFloor, thesisSpecOfFloor } from './problem-from-floor';

interface Job {
  readonly runs: Map<AlgorithmName, OptimizationRun>;
}

export interface OptimizationServiceOptions {
  readonly workerPath?: string;
}

export class OptimizationService {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly projects: ProjectService,
    private readonly events: EventHub,
    private readonly options: OptimizationServiceOptions = {},
  ) {}

  get running(): number {
    return this.jobs.size;
  }

  start(args: StartOptimization): Result<{ jobId: string }> {
    const store = this.projects.store;
    if (!store.ok) return store;
    const snapshot = store.value.snapshot();
    let spec: ProblemSpec;
    let originM = { x: 0, y: 0 };
    if (args.model === 'thesis') {
      if (args.problem === 'joint') {
        return err('unsupported', 'The thesis model places routers and sensors in two studies (§4.7.3, §4.7.4): choose routers or sensors, or the multi-wall model for a joint placement.');
      }
      const built = thesisSpecOfFloor(snapshot, args.floorId, args.problem, args.encoding);
      if (!built.ok) return built;
      ({ spec, originM } = built.value);
    } else {
      const built = multiWallSpecOfFloor(snapshot, args.floorId, args.problem, args.encoding);
      if (!built.ok) return built;
      spec = built.value.spec;
    }
    const kind: DeviceKind = args.problem === 'routers' ? 'router' : 'sensor';

    // Validate every request before starting any, so a bad parameter starts nothing.
    const requests: OptimizationRequest[] = [];
    for (const algorithm of new Set(args.algorithms)) {
      const v = validateOptimizationRequest({
        algorithm,
        problem: spec,
        parameters: {
          populationSize: args.populationSize,
          generations: args.generations,
          crossoverProbability: args.crossoverProbability,
          mutationProbability: args.mutationProbability,
          seed: args.seed,
        },
      });
      if (!v.ok) return err('invalid-parameters', v.message);
      requests.push(v.value);
    }

    const jobId = randomUUID();
    const job: Job = { runs: new Map() };
    this.jobs.set(jobId, job);
    const projectPath = this.projects.info?.path;
    for (const request of requests) {
      const startedAt = Date.now();
      const run = startOptimization(request, { workerPath: this.options.workerPath });
      job.runs.set(request.algorithm, run);
      run.onProgress((p) => {
        this.events.emit('optimizationProgress', {
          jobId,
          algorithm: request.algorithm,
          generation: p.generation,
          generations: p.generations,
          evaluations: p.evaluations,
          hypervolume: p.hypervolume,
          elapsedMs: Date.now() - startedAt,
          objectives: p.objectives.map((o) => ({ name: o.name, direction: o.direction, unit: o.unit ?? '' })),
          front: p.front,
        });
      });
      void run.outcome.then((outcome) => {
        job.runs.delete(request.algorithm);
        if (job.runs.size === 0) this.jobs.delete(jobId);
        let stored: Result<{ runId: number }>;
        const current = this.projects.store;
        if (!outcome.ok) stored = err(outcome.code, outcome.message);
        else if (!current.ok || this.projects.info?.path !== projectPath) {
          stored = err('project-closed', 'The project was closed before the run ended: its result was not stored.');
        } else {
          const added = addRun(current.value, toStoredRun(outcome.result, args, kind, originM));
          stored = added.ok ? ok({ runId: added.value.id }) : added;
        }
        this.events.emit('optimizationFinished', { jobId, algorithm: request.algorithm, outcome: stored });
      });
    }
    return ok({ jobId });
  }

  cancel(jobId: string): Result<null> {
    const job = this.jobs.get(jobId);
    if (!job) return err('not-found', 'That optimisation has already ended.');
    for (const run of job.runs.values()) run.cancel();
    return ok(null);
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) for (const run of job.runs.values()) run.cancel();
  }

  applySolution(runId: number, index: number): Result<{ placed: number }> {
    const store = this.projects.store;
    if (!store.ok) return store;
    const run = getRun(store.value, runId);
    if (!run.ok) return run;
    const solution = run.value.front[index];
    if (!solution) return err('not-found', `Run ${runId} has no solution ${index + 1} (its front has ${run.value.front.length}).`);
    const kinds = [...new Set(solution.devices.map((d) => d.kind))];
    // A joint solution replaces both kinds, even when it happens to place only one of them.
    const replaced: DeviceKind[] = run.value.problem.includes('joint')
      ? ['router', 'sensor']
      : kinds.length > 0
        ? kinds
        : [run.value.problem.includes('router') ? 'router' : 'sensor'];
    return store.value.replacePlacements(run.value.floorId, replaced, solution.devices);
  }
}

function toStoredRun(
  result: OptimizationResult,
  args: StartOptimization,
  kind: DeviceKind,
  originM: { x: number; y: number },
): NewOptimizationRun {
  return {
    floorId: args.floorId,
    problem: `${args.model}-${result.problem}`,
    algorithm: result.algorithm,
    encoding: args.encoding,
    seed: result.seed,
    parameters: {
      populationSize: result.parameters.populationSize,
      generations: result.parameters.generations,
      crossoverProbability: result.parameters.crossoverProbability,
      mutationProbability: result.parameters.mutationProbability,
    },
    objectives: result.objectives.map((o) => ({ name: o.name, direction: o.direction, unit: o.unit ?? '' })),
    evaluations: result.evaluations,
    elapsedMs: result.elapsedMs,
    stopReason: result.stopReason,
    history: result.history.map((h) => ({ ...h })),
    front: result.front.map((s) => ({
      objectives: { ...s.objectives },
      devices: s.sites.map(([x, y], i) => ({ x: x + originM.x, y: y + originM.y, kind: s.kinds?.[i] ?? (kind as 'sensor' | 'router') })),
    })),
  };
}
