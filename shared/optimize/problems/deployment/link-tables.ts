// Link tables of a floor for real radios (network mode): the path loss of every pair of positions that
// can hold a link, computed once with the multi-wall grid index. Pairs beyond the distance at which the
// distance term alone exceeds the budget are never looked at, and a pair stops its wall traversal as
// soon as its loss is certain to exceed the budget.
//
// "Radio points" are where a sensor may stand: the monitored cells (the routers problem asks whether a
// sensor there would reach the network) followed by the sensor sites that are not cells.
import type { Point } from '../../../model/building';
import type { RealRadioSpec } from '../../../model/catalogue';
import type { GridPoints } from '../../../model/sites';
import { maxPathLossDb } from '../../../radio/link-budget';
import type { PropagationModel } from '../../../radio/path-loss';
import { distanceForLossM, distanceLossDb } from '../../../radio/path-loss';
import type { WallIndex } from '../../../radio/wall-index';
import { forEachPointNear, latticeIndex } from './coverage-tables';
import type { WeightedCsr } from './weighted-csr';
import { WeightedCsrBuilder, transposeCsr } from './weighted-csr';

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
  /** Radio point → router sites it links with, value = path loss (dB). */
  readonly pointRouter: WeightedCsr;
  /** Router site → radio points (the transpose). */
  readonly routerPoint: WeightedCsr;
  /** Path loss to the gateway, Infinity where no link. */
  readonly pointGatewayPl: Float32Array;
  /** Router site ↔ router site (symmetric), value = path loss (dB). */
  readonly routerRouter: WeightedCsr;
  readonly routerGatewayPl: Float32Array;
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

  // Radio point → router sites, and → gateway.
  const pointRange = distanceForLossM(model, budgets.sensorRouter);
  const builder = new WeightedCsrBuilder();
  const pointGatewayPl = new Float32Array(pointCount);
  for (let p = 0; p < pointCount; p++) {
    const x = pointXs[p];
    const y = pointYs[p];
    forEachPointNear(routerSites, x, y, pointRange, (r) => {
      const pl = pairPathLossDb(model, wallIndex, x, y, routerSites.xs[r], routerSites.ys[r], budgets.sensorRouter);
      if (pl !== Infinity) builder.push(r, pl);
    });
    builder.endRow();
    pointGatewayPl[p] = pairPathLossDb(model, wallIndex, x, y, gateway.x, gateway.y, budgets.sensorGateway);
  }
  const pointRouter = builder.build();
  const routerPoint = transposeCsr(pointRouter, routerSites.count);

  // Router site ↔ router site: each unordered pair once, then mirrored.
  const routerRange = distanceForLossM(model, budgets.routerRouter);
  const pairs = new WeightedCsrBuilder();
  const routerGatewayPl = new Float32Array(routerSites.count);
  for (let i = 0; i < routerSites.count; i++) {
    const x = routerSites.xs[i];
    const y = routerSites.ys[i];
    forEachPointNear(routerSites, x, y, routerRange, (j) => {
      if (j <= i) return;
      const pl = pairPathLossDb(model, wallIndex, x, y, routerSites.xs[j], routerSites.ys[j], budgets.routerRouter);
      if (pl !== Infinity) pairs.push(j, pl);
    });
    pairs.endRow();
    routerGatewayPl[i] = pairPathLossDb(model, wallIndex, x, y, gateway.x, gateway.y, budgets.routerGateway);
  }
  const upper = pairs.build();
  const routerRouter = symmetric(upper, routerSites.count);

  return {
    budgets,
    pointCount,
    sensorPoint,
    pointXs,
    pointYs,
    pointRouter,
    routerPoint,
    pointGatewayPl,
    routerRouter,
    routerGatewayPl,
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

/** Mirrors an upper-triangular table (rows i, items j > i) into a symmetric one, rows sorted. */
function symmetric(upper: WeightedCsr, n: number): WeightedCsr {
  const lower = transposeCsr(upper, n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i + 1] = offsets[i] + (upper.offsets[i + 1] - upper.offsets[i]) + (lower.offsets[i + 1] - lower.offsets[i]);
  }
  const items = new Int32Array(offsets[n]);
  const values = new Float32Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    let at = offsets[i];
    // lower part (j < i, ascending from the transpose), then upper part (j > i, ascending)
    for (let k = lower.offsets[i]; k < lower.offsets[i + 1]; k++) {
      items[at] = lower.items[k];
      values[at++] = lower.values[k];
    }
    for (let k = upper.offsets[i]; k < upper.offsets[i + 1]; k++) {
      items[at] = upper.items[k];
      values[at++] = upper.values[k];
    }
  }
  return { offsets, items, values };
}
