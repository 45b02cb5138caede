// Link tables of a floor for real radios (network mode): the path loss of every pair of positions that
// can hold a link, computed once with the multi-wall grid index. Pairs beyond the distance at which the
// distance term alone exceeds the budget are never looked at, and a pair stops its wall traversal as
// soon as its loss is certain to exceed the budget.
//
// "Radio points" are where a sensor may stand: the monitored cells (the routers problem asks whether a
// sensor there would reach the network) followed by the sensor sites that are not cells.
//
// Storage is dense — point × router site and router × router matrices of Float32 path losses
// (Infinity: no link) — because with free-space distance loss most pairs of an office floor do link
// (half of them on the benchmark floor), where a sparse table costs more per pair, and a dense one
// answers "does this sensor reach that router" in one read during an evaluation. Cells a router
// serves are also kept as bit sets, so the routers problem's coverage is a few word ORs.
import type { Point } from '../../../model/building';
import type { RealRadioSpec } from '../../../model/catalogue';
import type { GridPoints } from '../../../model/sites';
import { maxPathLossDb } from '../../../radio/link-budget';
import type { PropagationModel } from '../../../radio/path-loss';
import { distanceForLossM, distanceLossDb } from '../../../radio/path-loss';
import type { WallIndex } from '../../../radio/wall-index';
import { forEachPointNear, latticeIndex } from './coverage-tables';

export interface LinkBudgets {
  /** Largest path loss of a usable link between the two kinds, both directions at their highest levels, dB. */
  readonly sensorRouter: number;
  readonly sensorGateway: number;
  readonly routerRouter: number;
  readonly routerGateway: number;
}

export interface NetworkTables {
  readonly budgets: LinkBudgets;
  /** Monitored cells come first: radio point i < cellCount is cell i. */
  readonly pointCount: number;
  readonly sensorPoint: Int32Array;
  readonly pointXs: Float64Array;
  readonly pointYs: Float64Array;
  readonly routerCount: number;
  /** Path loss point p → router site r at [p × routerCount + r], dB; Infinity where no link. */
  readonly pointRouterPl: Float32Array;
  /** Path loss router r ↔ router r' at [r × routerCount + r'] (symmetric); Infinity where no link. */
  readonly routerRouterPl: Float32Array;
  /** Path loss to the gateway, Infinity where no link. */
  readonly pointGatewayPl: Float32Array;
  readonly routerGatewayPl: Float32Array;
  /** 32-bit words per cell bit set. */
  readonly cellWords: number;
  /** Router r's cells (a sensor there links with r) at words [r × cellWords, (r + 1) × cellWords). */
  readonly routerCellBits: Uint32Array;
  /** Cells whose sensor links with the gateway directly. */
  readonly gatewayCellBits: Uint32Array;
  /** Per transmit level of the sensor: the largest path loss its uplink closes to a router / the gateway. */
  readonly sensorLevelMaxPl: { readonly router: Float64Array; readonly gateway: Float64Array };
  /** Per transmit level of a router: the largest path loss its link closes to a router / the gateway. */
  readonly routerLevelMaxPl: { readonly router: Float64Array; readonly gateway: Float64Array };
}

export interface NetworkTablesInput {
  readonly cells: GridPoints;
  readonly sensorSites: GridPoints;
  readonly routerSites: GridPoints;
  readonly gateway: Point;
  readonly sensorRadio: RealRadioSpec;
  readonly routerRadio: RealRadioSpec;
  readonly gatewayRadio: RealRadioSpec;
  readonly fadeMarginDb: number;
  readonly model: PropagationModel;
  readonly wallIndex: WallIndex;
}

const end = (r: RealRadioSpec) => ({
  txPowerDbm: r.txLevels[r.txLevels.length - 1].powerDbm,
  antennaGainDbi: r.antennaGainDbi,
  rxSensitivityDbm: r.rxSensitivityDbm,
});

export function linkBudgets(sensor: RealRadioSpec, router: RealRadioSpec, gateway: RealRadioSpec, fadeMarginDb: number): LinkBudgets {
  const both = (a: RealRadioSpec, b: RealRadioSpec) => Math.min(maxPathLossDb(end(a), end(b), fadeMarginDb), maxPathLossDb(end(b), end(a), fadeMarginDb));
  return {
    sensorRouter: both(sensor, router),
    sensorGateway: both(sensor, gateway),
    routerRouter: both(router, router),
    routerGateway: both(router, gateway),
  };
}

/** Per transmit level of `tx`, the largest path loss at which `rx` still hears it with the margin. */
export function levelMaxPathLoss(tx: RealRadioSpec, rx: RealRadioSpec, fadeMarginDb: number): Float64Array {
  return Float64Array.from(tx.txLevels, (l) => l.powerDbm + tx.antennaGainDbi + rx.antennaGainDbi - rx.rxSensitivityDbm - fadeMarginDb);
}

/** Path loss of a pair (distance term + multi-wall term), or Infinity when above `maxPl`. */
export function pairPathLossDb(model: PropagationModel, walls: WallIndex, x1: number, y1: number, x2: number, y2: number, maxPl: number): number {
  const distanceTerm = distanceLossDb(model, Math.hypot(x2 - x1, y2 - y1));
  if (distanceTerm > maxPl) return Infinity;
  const pl = distanceTerm + walls.lossDb(x1, y1, x2, y2, maxPl - distanceTerm);
  return pl <= maxPl ? pl : Infinity;
}

export function buildNetworkTables(input: NetworkTablesInput): NetworkTables {
  const { cells, sensorSites, routerSites, gateway, model, wallIndex } = input;
  const budgets = linkBudgets(input.sensorRadio, input.routerRadio, input.gatewayRadio, input.fadeMarginDb);

  // Radio points: the cells, then sensor sites that are not cells.
  const sameLattice =
    cells.lattice.pitchM === sensorSites.lattice.pitchM &&
    cells.lattice.originX === sensorSites.lattice.originX &&
    cells.lattice.originY === sensorSites.lattice.originY;
  const cellAt = latticeIndex(cells);
  const sensorPoint = new Int32Array(sensorSites.count);
  const extraXs: number[] = [];
  const extraYs: number[] = [];
  for (let s = 0; s < sensorSites.count; s++) {
    const c = sameLattice && sensorSites.col[s] >= 0 ? cellAt[sensorSites.row[s] * cells.lattice.cols + sensorSites.col[s]] : -1;
    if (c >= 0) sensorPoint[s] = c;
    else {
      sensorPoint[s] = cells.count + extraXs.length;
      extraXs.push(sensorSites.xs[s]);
      extraYs.push(sensorSites.ys[s]);
    }
  }
  const pointCount = cells.count + extraXs.length;
  const pointXs = new Float64Array(pointCount);
  const pointYs = new Float64Array(pointCount);
  pointXs.set(cells.xs);
  pointYs.set(cells.ys);
  pointXs.set(extraXs, cells.count);
  pointYs.set(extraYs, cells.count);

  // Every position that takes part in a link: router sites first, then the radio points that are not
  // at a router site. Each unordered pair involving a router site is traversed once (a router site
  // that is also a cell serves as both), then the tables are cut from the pairs by their budgets.
  const R = routerSites.count;
  const routerAt = new Map<string, number>();
  for (let r = 0; r < R; r++) routerAt.set(`${routerSites.xs[r]},${routerSites.ys[r]}`, r);
  const posOfPoint = new Int32Array(pointCount);
  const pointOfPos: number[] = new Array<number>(R).fill(-1);
  for (let p = 0; p < pointCount; p++) {
    const r = routerAt.get(`${pointXs[p]},${pointYs[p]}`);
    if (r !== undefined) {
      posOfPoint[p] = r;
      pointOfPos[r] = p;
    } else {
      posOfPoint[p] = pointOfPos.length;
      pointOfPos.push(p);
    }
  }
  const maxBudget = Math.max(budgets.sensorRouter, budgets.routerRouter);
  const routerRange = distanceForLossM(model, maxBudget);
  const pointRange = distanceForLossM(model, budgets.sensorRouter);
  const pointRouterPl = new Float32Array(pointCount * R).fill(Infinity);
  const routerRouterPl = new Float32Array(R * R).fill(Infinity);
  const routerGatewayPl = new Float32Array(R);
  const setPointRouter = (p: number, r: number, pl: number): void => {
    if (p >= 0 && pl <= budgets.sensorRouter) pointRouterPl[p * R + r] = pl;
  };
  const selfPl = distanceLossDb(model, 0);
  for (let i = 0; i < R; i++) {
    const x = routerSites.xs[i];
    const y = routerSites.ys[i];
    setPointRouter(pointOfPos[i], i, selfPl);
    forEachPointNear(routerSites, x, y, routerRange, (j) => {
      if (j <= i) return;
      const pl = pairPathLossDb(model, wallIndex, x, y, routerSites.xs[j], routerSites.ys[j], maxBudget);
      if (pl === Infinity) return;
      if (pl <= budgets.routerRouter) routerRouterPl[i * R + j] = routerRouterPl[j * R + i] = pl;
      setPointRouter(pointOfPos[j], i, pl);
      setPointRouter(pointOfPos[i], j, pl);
    });
    const visitPoint = (p: number): void => {
      if (posOfPoint[p] < R) return; // at a router site: covered by the router pairs
      setPointRouter(p, i, pairPathLossDb(model, wallIndex, x, y, pointXs[p], pointYs[p], budgets.sensorRouter));
    };
    forEachPointNear(cells, x, y, pointRange, visitPoint);
    if (pointCount > cells.count) {
      forEachPointNear(sensorSites, x, y, pointRange, (s) => {
        if (sensorPoint[s] >= cells.count) visitPoint(sensorPoint[s]);
      });
    }
    routerGatewayPl[i] = pairPathLossDb(model, wallIndex, x, y, gateway.x, gateway.y, budgets.routerGateway);
  }
  const pointGatewayPl = new Float32Array(pointCount);
  for (let p = 0; p < pointCount; p++) {
    pointGatewayPl[p] = pairPathLossDb(model, wallIndex, pointXs[p], pointYs[p], gateway.x, gateway.y, budgets.sensorGateway);
  }
  const cellWords = Math.ceil(cells.count / 32);
  const routerCellBits = new Uint32Array(R * cellWords);
  const gatewayCellBits = new Uint32Array(cellWords);
  for (let c = 0; c < cells.count; c++) {
    const bit = 1 << (c & 31);
    const word = c >>> 5;
    for (let r = 0; r < R; r++) if (pointRouterPl[c * R + r] !== Infinity) routerCellBits[r * cellWords + word] |= bit;
    if (pointGatewayPl[c] !== Infinity) gatewayCellBits[word] |= bit;
  }

  return {
    budgets,
    pointCount,
    sensorPoint,
    pointXs,
    pointYs,
    routerCount: R,
    pointRouterPl,
    routerRouterPl,
    pointGatewayPl,
    routerGatewayPl,
    cellWords,
    routerCellBits,
    gatewayCellBits,
    sensorLevelMaxPl: {
      router: minEach(levelMaxPathLoss(input.sensorRadio, input.routerRadio, input.fadeMarginDb), budgets.sensorRouter),
      gateway: minEach(levelMaxPathLoss(input.sensorRadio, input.gatewayRadio, input.fadeMarginDb), budgets.sensorGateway),
    },
    routerLevelMaxPl: {
      router: minEach(levelMaxPathLoss(input.routerRadio, input.routerRadio, input.fadeMarginDb), budgets.routerRouter),
      gateway: minEach(levelMaxPathLoss(input.routerRadio, input.gatewayRadio, input.fadeMarginDb), budgets.routerGateway),
    },
  };
}

/** Caps each level's uplink limit by the link's two-way budget: a level is only useful on a usable link. */
function minEach(values: Float64Array, cap: number): Float64Array {
  return values.map((v) => Math.min(v, cap));
}
