// Sensors problem (thesis eq. 4.1, made an engineering one): minimise cost, maximise coverage (binary
// disks, or joint detection probability against a threshold; k-coverage when k ≥ 2), maximise
// connectivity, minimise over-coverage, and — for battery sensors on real radios — maximise the worst
// sensor's battery life. Connectivity is the thesis's area measure with ideal-disk radios, otherwise
// the share of sensors with at least k connected parents among the fixed routers and the gateway.
import type { Point } from '../../../model/building';
import { latticeNeighbours } from '../../../model/sites';
import type { BinaryEncoding, CsrTable, ObjectiveSpec, PlacementSetEncoding, Problem } from '../../problem';
import type { DeploymentFloor } from './floor-model';
import { fixedRouterLinks } from './fixed-routers';
import { CoverageCounter, ReachCounter, sampleSites, samplingCap } from './kernels';
import { CONNECTIVITY, COST, COVERAGE, OVER_COVERAGE, chosenOf, lifetimeObjective, type DeploymentEncodingKind } from './objectives';

export interface SensorsProblemOptions {
  readonly encoding?: DeploymentEncodingKind;
  /** Network mode: routers already placed (none: sensors link to the gateway directly). */
  readonly routers?: readonly Point[];
}

export function sensorsProblem(model: DeploymentFloor, options: SensorsProblemOptions = {}): Problem<PlacementSetEncoding> | Problem<BinaryEncoding> {
  const sites = model.sensorSites;
  const cellCount = model.cells.count;
  const percent = 100 / cellCount;
  const unitCost = model.sensor.cost;
  const coverage = new CoverageCounter(cellCount, model.sensorCover, model.options.detectionThreshold, model.options.coverageK);
  const reach = new ReachCounter(cellCount);
  const links = model.mode === 'network' ? fixedRouterLinks(model, options.routers ?? []) : null;
  const k = model.options.connectivityK;
  const years = model.sensorLifetime.yearsByLevel;
  const lifetime = lifetimeObjective(model);

  const objectives: ObjectiveSpec[] = [COST(sites.count * unitCost), COVERAGE, CONNECTIVITY, OVER_COVERAGE];
  if (lifetime) objectives.push(lifetime);

  const evaluateChosen = (chosen: ArrayLike<number>, count: number, out: Float64Array): void => {
    coverage.reset();
    for (let i = 0; i < count; i++) coverage.add(chosen[i]);
    coverage.finish();
    out[0] = count * unitCost;
    out[1] = coverage.covered * percent;
    out[3] = coverage.overCovered * percent;
    if (links) {
      let connected = 0;
      let worst = count > 0 ? Infinity : 0;
      for (let i = 0; i < count; i++) {
        const s = chosen[i];
        if (links.siteParents[s] >= k) connected++;
        const level = links.siteLevel[s];
        const y = years[level >= 0 ? level : years.length - 1];
        if (y < worst) worst = y;
      }
      out[2] = count > 0 ? (100 * connected) / count : 0;
      if (lifetime) out[4] = worst;
    } else {
      reach.reset();
      for (let i = 0; i < count; i++) reach.add(model.sensorReach as CsrTable, chosen[i]);
      out[2] = reach.reached * percent;
    }
  };

  const cap = samplingCap(model.sensorCover, sites.count, cellCount);
  const sitesOf = (chosen: ArrayLike<number>): Array<[number, number]> => Array.from(chosen, (s) => [sites.xs[s], sites.ys[s]]);
  const base = { name: 'sensors-mw', objectives, constraints: [] };
  if (options.encoding === 'grid') {
    const scratch = new Int32Array(sites.count);
    const problem: Problem<BinaryEncoding> = {
      ...base,
      encoding: { kind: 'binary', length: sites.count },
      evaluate(x, out) {
        let count = 0;
        for (let s = 0; s < x.length; s++) if (x[s]) scratch[count++] = s;
        evaluateChosen(scratch, count, out);
      },
      sample(rand) {
        const x = new Uint8Array(sites.count);
        for (const s of sampleSites(rand, sites.count, cap)) x[s] = 1;
        return x;
      },
      sitesOf: (x) => sitesOf(chosenOf(x)),
    };
    return problem;
  }
  const problem: Problem<PlacementSetEncoding> = {
    ...base,
    encoding: { kind: 'placement-set', siteCount: sites.count, neighbours: latticeNeighbours(sites), minSites: 0, maxSites: sites.count },
    evaluate: (x, out) => evaluateChosen(x, x.length, out),
    sample: (rand) => sampleSites(rand, sites.count, cap),
    sitesOf: (x) => sitesOf(x),
  };
  return problem;
}
