// Received-power map: at each cell, the strongest signal from the gateway or a router, through the walls
// (thesis eq. 2.15 in dB: P_rx = P_tx + G_tx + G_rx − PL), with the path loss of the COST 231 multi-wall
// model: the log-distance term (free space, n = 2, d0 = 1 m; shared/radio/path-loss.ts) plus the loss
// of each wall crossed on the straight line (shared/radio/wall-index.ts). The receiver's antenna gain
// is taken as 0 dBi: the map shows what an isotropic receiver would get at the cell's centre.
// Each transmitter's map is cached by its position, so dragging a router recomputes only its own.
import { distanceLossDb, freeSpaceModel } from '../../../../../shared/radio/path-loss';
import { forgetUnused } from './coverage-field';
import type { LiveDevice, OverlayStatics } from './overlay-statics';
import { REFERENCE_EIRP_DBM, REFERENCE_FREQUENCY_HZ } from './radio-view';

export interface PowerField {
  /** Strongest received power per cell, dBm (−Infinity without any transmitter). */
  readonly dbm: Float32Array;
  readonly transmitters: number;
  /** True when a transmitter has no real radio and the reference transmitter stands in for it. */
  readonly assumed: boolean;
}

export function transmitterMap(s: OverlayStatics, tx: LiveDevice): Float32Array {
  const radio = tx.typeId !== null ? s.types.get(tx.typeId)?.radio : undefined;
  const eirp = radio?.eirpDbm ?? REFERENCE_EIRP_DBM;
  const frequencyHz = radio?.frequencyHz ?? REFERENCE_FREQUENCY_HZ;
  const key = `${eirp}/${frequencyHz}@${tx.x},${tx.y}`;
  const cached = s.caches.power.get(key);
  if (cached) return cached;
  const model = freeSpaceModel(frequencyHz);
  const { xs, ys, count } = s.cells;
  const out = new Float32Array(count);
  for (let c = 0; c < count; c++) {
    const d = Math.hypot(xs[c]! - tx.x, ys[c]! - tx.y);
    out[c] = eirp - distanceLossDb(model, d) - s.wallIndex.lossDb(tx.x, tx.y, xs[c]!, ys[c]!);
  }
  s.caches.power.set(key, out);
  return out;
}

export function powerField(s: OverlayStatics, devices: readonly LiveDevice[]): PowerField {
  const dbm = new Float32Array(s.cells.count).fill(-Infinity);
  const used = new Set<string>();
  let transmitters = 0;
  let assumed = false;
  for (const d of devices) {
    if (d.kind === 'sensor') continue;
    const radio = d.typeId !== null ? s.types.get(d.typeId)?.radio : undefined;
    assumed ||= radio?.assumed ?? true;
    const map = transmitterMap(s, d);
    used.add(`${radio?.eirpDbm ?? REFERENCE_EIRP_DBM}/${radio?.frequencyHz ?? REFERENCE_FREQUENCY_HZ}@${d.x},${d.y}`);
    transmitters++;
    for (let c = 0; c < dbm.length; c++) if (map[c]! > dbm[c]!) dbm[c] = map[c]!;
  }
  forgetUnused(s.caches.power, used);
  return { dbm, transmitters, assumed };
}
