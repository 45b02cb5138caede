// Links between the devices as placed (thesis §2.2.6), each with its margin:
// - real radios: the link budget through the walls (thesis eq. 2.15, COST 231 multi-wall path loss),
//   margin = received power − (sensitivity + fade margin), the worse of the two directions (the
//   acknowledgement comes back); a link exists when the margin is ≥ 0;
// - the thesis's ideal disks: a link exists within the smaller of the two radii (a gateway without a
//   radius hears whatever reaches it), and the margin is the free-space equivalent 20·log10(R/d) dB,
//   so the colours mean the same thing in both models.
// Sensors never relay (shared/radio/network.ts); connectivity is the share of sensors reaching the
// gateway over routers (mesh) and the share with a router or the gateway in reach (star).
import { adjacencyFromEdges, connectivitySummary, ROLE_GATEWAY, ROLE_ROUTER, ROLE_SENSOR } from '../../../../../shared/radio/network';
import { distanceLossDb, freeSpaceModel } from '../../../../../shared/radio/path-loss';
import type { LiveDevice, OverlayStatics } from './overlay-statics';
import type { RadioView } from './radio-view';

/** dB above sensitivity a link must clear (the deployment models' default, floor-model.ts). */
export const FADE_MARGIN_DB = 10;
/** A margin shown for devices at the same spot (log of zero distance). */
const MAX_MARGIN_DB = 99;

export interface DeviceLinkView {
  readonly a: LiveDevice;
  readonly b: LiveDevice;
  readonly marginDb: number;
  /** Between routers and the gateway, rather than from a sensor to its parent. */
  readonly backbone: boolean;
}

export interface LinkAnalysis {
  /** Backbone links that close, and each sensor's best link to a parent (closing or not). */
  readonly links: readonly DeviceLinkView[];
  readonly sensors: number;
  /** Shares in [0, 1] of the sensors (0 without sensors); null when no link model applies. */
  readonly meshShare: number | null;
  readonly starShare: number | null;
  readonly hasGateway: boolean;
}

type Model = { kind: 'disk'; rangeM: number } | { kind: 'budget'; ab: RadioView; ba: RadioView; frequencyHz: number };

function linkModel(s: OverlayStatics, a: LiveDevice, b: LiveDevice): Model | null {
  const ra = a.typeId !== null ? s.types.get(a.typeId)?.radio : undefined;
  const rb = b.typeId !== null ? s.types.get(b.typeId)?.radio : undefined;
  const realA = ra && !ra.assumed ? ra : null;
  const realB = rb && !rb.assumed ? rb : null;
  if (realA || realB) {
    // A coordinator with no radio of its own is taken to speak its partner's radio.
    const ea = realA ?? (a.kind === 'gateway' && !ra?.rangeM ? realB : null);
    const eb = realB ?? (b.kind === 'gateway' && !rb?.rangeM ? realA : null);
    return ea && eb ? { kind: 'budget', ab: ea, ba: eb, frequencyHz: ea.frequencyHz } : null;
  }
  const rangeA = ra?.rangeM ?? null;
  const rangeB = rb?.rangeM ?? null;
  if (rangeA !== null && rangeB !== null) return { kind: 'disk', rangeM: Math.min(rangeA, rangeB) };
  if (rangeA !== null && b.kind === 'gateway') return { kind: 'disk', rangeM: rangeA };
  if (rangeB !== null && a.kind === 'gateway') return { kind: 'disk', rangeM: rangeB };
  return null;
}

/** Margin of the link a–b in dB (≥ 0: the link closes), or null when no model applies. */
export function linkMarginDb(s: OverlayStatics, a: LiveDevice, b: LiveDevice): number | null {
  const model = linkModel(s, a, b);
  if (!model) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  if (model.kind === 'disk') {
    if (d <= 0) return MAX_MARGIN_DB;
    // d ≤ R·(1 + 1e-9) closes, as in the optimiser's tables.
    const margin = 20 * Math.log10((model.rangeM * (1 + 1e-9)) / d);
    return Math.min(MAX_MARGIN_DB, margin);
  }
  const pathLoss = distanceLossDb(freeSpaceModel(model.frequencyHz), d) + s.wallIndex.lossDb(a.x, a.y, b.x, b.y);
  const one = (tx: RadioView, rx: RadioView) => (rx.rxSensitivityDbm === null ? Infinity : tx.eirpDbm + rx.antennaGainDbi - pathLoss - (rx.rxSensitivityDbm + FADE_MARGIN_DB));
  const margin = Math.min(one(model.ab, model.ba), one(model.ba, model.ab));
  return Number.isFinite(margin) ? Math.min(MAX_MARGIN_DB, margin) : null;
}

export function analyseLinks(s: OverlayStatics, devices: readonly LiveDevice[]): LinkAnalysis {
  const nodes = devices.filter((d) => d.kind === 'gateway' || d.kind === 'router' || d.kind === 'sensor');
  const edges: Array<[number, number]> = [];
  const links: DeviceLinkView[] = [];
  let anyModel = false;
  const best = new Map<number, DeviceLinkView>();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (a.kind === 'sensor' && b.kind === 'sensor') continue;
      const margin = linkMarginDb(s, a, b);
      if (margin === null) continue;
      anyModel = true;
      if (margin >= 0) edges.push([i, j]);
      const view: DeviceLinkView = { a, b, marginDb: margin, backbone: a.kind !== 'sensor' && b.kind !== 'sensor' };
      if (view.backbone) {
        if (margin >= 0) links.push(view);
        continue;
      }
      const sensorIndex = a.kind === 'sensor' ? i : j;
      const current = best.get(sensorIndex);
      if (!current || margin > current.marginDb) best.set(sensorIndex, view);
    }
  }
  links.push(...best.values());
  const roles = Uint8Array.from(nodes, (d) => (d.kind === 'gateway' ? ROLE_GATEWAY : d.kind === 'router' ? ROLE_ROUTER : ROLE_SENSOR));
  const summary = connectivitySummary({ roles, adjacency: adjacencyFromEdges(nodes.length, edges) }, 1);
  const sensors = summary.sensorCount;
  return {
    links,
    sensors,
    meshShare: anyModel || sensors === 0 ? summary.meshShare : null,
    starShare: anyModel || sensors === 0 ? summary.starShare : null,
    hasGateway: nodes.some((d) => d.kind === 'gateway'),
  };
}
