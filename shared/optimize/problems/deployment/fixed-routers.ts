// The sensors problem places sensors around routers that are already decided (the project's own, or
// the routers problem's chosen solution). Their connections do not change during the search, so each
// sensor site's links to them are worked out once here.
import type { Point } from '../../../model/building';
import type { DeploymentFloor } from './floor-model';
import { levelFor } from './kernels';
import { pairPathLossDb } from './link-tables';

export interface FixedRouterLinks {
  /** Per router: hops to the gateway (1 = direct), −1 when cut off (always ≥ 1 in star topology). */
  readonly routerHops: Int32Array;
  /** Per sensor site: connected parents in reach (the gateway included). */
  readonly siteParents: Int32Array;
  /** Per sensor site: lowest transmit level reaching a connected parent, −1 when none. */
  readonly siteLevel: Int32Array;
}

export function fixedRouterLinks(model: DeploymentFloor, routers: readonly Point[]): FixedRouterLinks {
  const net = model.network;
  const propagation = model.propagation;
  const gateway = model.gateway;
  if (!net || !propagation || !gateway) throw new Error('fixedRouterLinks needs a floor in network mode');
  const walls = model.wallIndex;
  const n = routers.length;
  const star = model.options.topology === 'star';
  const pl = (a: Point, b: Point, max: number) => pairPathLossDb(propagation, walls, a.x, a.y, b.x, b.y, max);

  const routerHops = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (star || pl(routers[i], gateway, net.budgets.routerGateway) !== Infinity) {
      routerHops[i] = 1;
      queue.push(i);
    }
  }
  for (let head = 0; head < queue.length && !star; head++) {
    const u = queue[head];
    for (let v = 0; v < n; v++) {
      if (routerHops[v] >= 0 || pl(routers[u], routers[v], net.budgets.routerRouter) === Infinity) continue;
      routerHops[v] = routerHops[u] + 1;
      queue.push(v);
    }
  }

  const sites = model.sensorSites;
  const siteParents = new Int32Array(sites.count);
  const siteLevel = new Int32Array(sites.count).fill(-1);
  for (let s = 0; s < sites.count; s++) {
    const here = { x: sites.xs[s], y: sites.ys[s] };
    let parents = 0;
    let level = -1;
    const gw = net.pointGatewayPl[net.sensorPoint[s]];
    if (gw !== Infinity) {
      parents++;
      level = levelFor(net.sensorLevelMaxPl.gateway, gw);
    }
    for (let i = 0; i < n; i++) {
      if (routerHops[i] < 0) continue;
      const loss = pl(here, routers[i], net.budgets.sensorRouter);
      if (loss === Infinity) continue;
      parents++;
      const l = levelFor(net.sensorLevelMaxPl.router, loss);
      if (level < 0 || l < level) level = l;
    }
    siteParents[s] = parents;
    siteLevel[s] = level;
  }
  return { routerHops, siteParents, siteLevel };
}
