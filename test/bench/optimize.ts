// `npm run bench -- optimize`: the optimisation engine.
//  1. The thesis case (10 m × 8 m, 80 sites; population 80, 100 generations, pc 0.9, pm 0.1 — pm per
//     child as the thesis's DEAP MUTPB, one move per mutated placement set, per-bit 1/n for the grid):
//     per algorithm and encoding, median wall-clock time and evaluations per second over the seeds,
//     how many seeds reach the thesis's best sensors result (≤ 12 sensors, coverage ≥ 96.25 %,
//     connectivity 100 %, over-coverage ≤ 11.25 %), and the median hypervolume of the (cost, coverage)
//     front, normalised (cost / 80, 1 − coverage / 100) with reference (1, 1).
//  2. Larger floors, placement-set encoding, sensors with the thesis's radii: 60 × 40 (2,400 cells)
//     and 100 × 100 (10,000 cells), same parameters.
//  3. Evaluation throughput alone, grid vs. placement-set encoding, per floor size.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AlgorithmName } from '../../shared/optimize/algorithms/parameters';
import { ALGORITHM_NAMES } from '../../shared/optimize/algorithms/parameters';
import { executeOptimization } from '../../shared/optimize/execute';
import { hypervolume } from '../../shared/optimize/indicators/hypervolume';
import type { Genome } from '../../shared/optimize/problem';
import type { DeploymentEncoding, DeploymentSpec } from '../../shared/optimize/problems/deployment';
import { deploymentProblem } from '../../shared/optimize/problems/deployment';
import { THESIS_PARAMETERS, THESIS_SENSOR, thesisOfficeSpec } from '../../shared/optimize/problems/thesis-office';
import type { FrontSolution, OptimizationResult, RunParameters } from '../../shared/optimize/request';
import { Random } from '../../shared/optimize/random';
import type { Bench } from './benches';

const SEEDS = Array.from({ length: 11 }, (_, i) => i + 1);
const PARAMS = (seed: number): RunParameters => ({ ...THESIS_PARAMETERS, seed });

const median = (values: number[]): number => {
  const s = values.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Hypervolume of the (cost, coverage) projection: points (cost / sites, 1 − coverage / 100), reference (1, 1). */
export function costCoverageHypervolume(front: readonly FrontSolution[], siteCount: number): number {
  return hypervolume(
    front.map((s) => [s.objectives.cost / siteCount, 1 - s.objectives.coverage / 100]),
    [1, 1],
  );
}

const beatsThesis = (r: OptimizationResult): boolean =>
  r.front.some((s) => s.objectives.cost <= 12 && s.objectives.coverage >= 96.25 && s.objectives.connectivity === 100 && s.objectives.overCoverage <= 11.25);

/** One run, with its CPU time (user + system, ms): less sensitive than wall-clock time to a shared machine. */
function timed(algorithm: AlgorithmName, problem: DeploymentSpec, parameters: RunParameters): OptimizationResult & { cpuMs: number } {
  const cpu = process.cpuUsage();
  const result = executeOptimization({ algorithm, problem, parameters }, { now: () => performance.now() });
  const used = process.cpuUsage(cpu);
  return { ...result, cpuMs: (used.user + used.system) / 1000 };
}

function thesisTable(): void {
  console.log('### Thesis case (10 m × 8 m, 80 sites), population 80, 100 generations, pc 0.9, pm 0.1\n');
  console.log('| problem | encoding | algorithm | wall-clock ms (median) | CPU ms (median) | evaluations/s | reaches thesis best | HV(cost, coverage) median | best found |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const kind of ['sensors', 'routers'] as const) {
    for (const encoding of ['sites', 'grid'] as const) {
      const rows: string[] = [];
      let bestHv = 0;
      const perAlgorithm = ALGORITHM_NAMES.map((algorithm) => {
        const runs = SEEDS.map((seed) => timed(algorithm, thesisOfficeSpec(kind, encoding), PARAMS(seed)));
        const hvs = runs.map((r) => (kind === 'sensors' ? costCoverageHypervolume(r.front, 80) : NaN));
        for (const h of hvs) if (h > bestHv) bestHv = h;
        return { algorithm, runs, hvs };
      });
      for (const { algorithm, runs, hvs } of perAlgorithm) {
        const ms = median(runs.map((r) => r.elapsedMs));
        const cpuMs = median(runs.map((r) => r.cpuMs));
        const evalsPerS = median(runs.map((r) => r.evaluations / (r.elapsedMs / 1000)));
        const reached =
          kind === 'sensors'
            ? `${runs.filter(beatsThesis).length}/${runs.length}`
            : `${runs.filter((r) => r.front.some((s) => s.objectives.cost <= 2 && s.objectives.connectivity === 100)).length}/${runs.length}`;
        const hv = kind === 'sensors' ? median(hvs).toFixed(4) : '—';
        rows.push(`| ${kind} | ${encoding} | ${algorithm} | ${ms.toFixed(0)} | ${cpuMs.toFixed(0)} | ${Math.round(evalsPerS).toLocaleString('en-US')} | ${reached} | ${hv} | ${kind === 'sensors' ? bestHv.toFixed(4) : '—'} |`);
      }
      for (const r of rows) console.log(r);
    }
  }
  console.log(`\n(${SEEDS.length} seeds each; "reaches thesis best": routers ≤ 2 at 100 %, sensors as Table 4.6's NSGA-II row or better; "best found": the best single run of any algorithm.)\n`);
}

function largeFloorTable(): void {
  console.log('### Larger floors, placement-set encoding, sensors (R_d 1.5 m, R_c 3 m), population 80, 100 generations\n');
  console.log('| floor | cells | algorithm | wall-clock ms | CPU ms | evaluations/s | front size | best coverage % (sensors) | fewest sensors for ≥ 95 % |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const [columns, rows] of [
    [60, 40],
    [100, 100],
  ] as const) {
    const spec: DeploymentSpec = { kind: 'sensors', floor: { columns, rows, pitchM: 1 }, sensor: THESIS_SENSOR, encoding: 'sites' };
    for (const algorithm of ALGORITHM_NAMES) {
      const r = timed(algorithm, spec, PARAMS(1));
      const best = r.front.reduce((a, s) => (s.objectives.coverage > a.objectives.coverage ? s : a), r.front[0]);
      const cheapest95 = Math.min(...r.front.filter((s) => s.objectives.coverage >= 95).map((s) => s.objectives.cost));
      // A perfect tiling of 3 × 3 detection blocks needs about cells / 9 sensors.
      console.log(
        `| ${columns} m × ${rows} m | ${(columns * rows).toLocaleString('en-US')} | ${algorithm} | ${r.elapsedMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ` +
          `${Math.round(r.evaluations / (r.elapsedMs / 1000)).toLocaleString('en-US')} | ${r.front.length} | ` +
          `${best.objectives.coverage.toFixed(2)} (${best.objectives.cost}) | ${Number.isFinite(cheapest95) ? cheapest95 : '—'} (tiling ≈ ${Math.ceil((columns * rows) / 9)}) |`,
      );
    }
  }
  console.log('');
}

function evaluationTable(): void {
  console.log('### Evaluation alone: sensors problem, random placements covering the floor about once\n');
  console.log('| floor | cells | encoding | evaluations/s |');
  console.log('|---|---:|---|---:|');
  for (const [columns, rows] of [
    [10, 8],
    [60, 40],
    [100, 100],
  ] as const) {
    for (const encoding of ['sites', 'grid'] as DeploymentEncoding[]) {
      const problem = deploymentProblem({ kind: 'sensors', floor: { columns, rows, pitchM: 1 }, sensor: THESIS_SENSOR, encoding });
      const rng = new Random(1);
      const cells = columns * rows;
      // About one sensor per 9 cells (one detection disk each).
      const genomes: Genome[] = Array.from({ length: 64 }, () => {
        const sites = new Set<number>();
        while (sites.size < Math.ceil(cells / 9)) sites.add(rng.int(cells));
        const set = Int32Array.from(sites).sort();
        if (encoding === 'sites') return set;
        const bits = new Uint8Array(cells);
        for (const s of set) bits[s] = 1;
        return bits;
      });
      const out = new Float64Array(4);
      const none = new Float64Array(0);
      const evaluate = problem.evaluate as (x: Genome, o: Float64Array, v: Float64Array) => void;
      let count = 0;
      const start = performance.now();
      while (performance.now() - start < 300) {
        for (const g of genomes) evaluate.call(problem, g, out, none);
        count += genomes.length;
      }
      const perS = count / ((performance.now() - start) / 1000);
      console.log(`| ${columns} m × ${rows} m | ${cells.toLocaleString('en-US')} | ${encoding} | ${Math.round(perS).toLocaleString('en-US')} |`);
    }
  }
  console.log('');
}

export const optimizeBench: Bench = {
  name: 'optimize',
  async run() {
    console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(2)}\n`);
    thesisTable();
    largeFloorTable();
    evaluationTable();
  },
};
