// Routers problem (thesis eq. 4.3, made an engineering one): minimise cost, maximise the connectivity of
// the floor — in area mode the thesis's share of cells within a router's radius; in network mode the
// share of monitored cells from which a sensor would reach the gateway: directly, or through a chosen
// router that is itself connected to the gateway over routers (mesh) or any chosen router (star).
import type { BinaryEncoding, CsrTable, PlacementSetEncoding, Problem } from '../../problem';
import type { DeploymentFloor } from './floor-model';
import { ReachCounter, RouterNetwork, meanRouterCells, popcount32, sampleSites, samplingCap, samplingCapFromMean } from './kernels';
import { latticeNeighbours } from '../../../model/sites';
import { CONNECTIVITY, COST, chosenOf, type DeploymentEncodingKind } from './objectives';

export function routersProblem(model: DeploymentFloor, encoding: DeploymentEncodingKind = 'sites'): Problem<PlacementSetEncoding> | Problem<BinaryEncoding> {
  const sites = model.routerSites;
  const cellCount = model.cells.count;
  const percent = 100 / cellCount;
  const unitCost = model.router.cost;
  const reach = new ReachCounter(cellCount);
  const net = model.network;
  const routers = net ? new RouterNetwork(net, model.options.topology === 'star') : null;
  const bits = new Uint32Array(net ? net.cellWords : 0);

  const connectivity = (chosen: ArrayLike<number>, count: number): number => {
    if (net && routers) {
      // Cells reached from the gateway itself, OR those of every connected router (bit sets).
      const words = net.cellWords;
      bits.set(net.gatewayCellBits);
      for (let i = 0; i < routers.connectedCount; i++) {
        const base = routers.connected(i) * words;
        for (let w = 0; w < words; w++) bits[w] |= net.routerCellBits[base + w];
      }
      let reached = 0;
      for (let w = 0; w < words; w++) reached += popcount32(bits[w]);
      return reached * percent;
    }
    reach.reset();
    for (let i = 0; i < count; i++) reach.add(model.routerReach as CsrTable, chosen[i]);
    return reach.reached * percent;
  };

  const objectives = [COST(sites.count * unitCost), CONNECTIVITY];
  const cap = net ? samplingCapFromMean(meanRouterCells(net), sites.count, cellCount) : samplingCap(model.routerReach as CsrTable, sites.count, cellCount);
  const sitesOf = (chosen: ArrayLike<number>): Array<[number, number]> => Array.from(chosen, (s) => [sites.xs[s], sites.ys[s]]);
  const base = { name: 'routers-mw', objectives, constraints: [] };

  if (encoding === 'grid') {
    const scratch = new Int32Array(sites.count);
    const problem: Problem<BinaryEncoding> = {
      ...base,
      encoding: { kind: 'binary', length: sites.count },
      evaluate(x, out) {
        let count = 0;
        for (let s = 0; s < x.length; s++) if (x[s]) scratch[count++] = s;
        routers?.set(scratch, 0, count);
        out[0] = count * unitCost;
        out[1] = connectivity(scratch, count);
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
    evaluate(x, out) {
      routers?.set(x);
      out[0] = x.length * unitCost;
      out[1] = connectivity(x, x.length);
    },
    sample: (rand) => sampleSites(rand, sites.count, cap),
    sitesOf: (x) => sitesOf(x),
  };
  return problem;
}
