// AUTOSET, as on a bench scope: scales that fit the last few periods (the peak-to-peak within 6 of the
// 8 divisions, so that the trace neither clips nor hides), a time base showing about 2½ periods, and a
// rising-edge trigger on the voltage at the middle of its swing.
import type { SampleRing } from './sample-ring';
import type { ScopeSettings } from './scope-settings';
import { AMPS_PER_DIV, DIVISIONS_X, stepFor, TIME_PER_DIV_MS, VOLTS_PER_DIV, WATTS_PER_DIV } from './scope-settings';

/** Divisions the signal's swing may fill: 90 % of the 8, so a peak never touches the edge. */
const FILL_DIVS = 7.2;

export function autoset(ring: SampleRing, sampleRateHz: number, frequencyHz: number | null): Partial<ScopeSettings> {
  const periodMs = 1000 / (frequencyHz && frequencyHz > 1 ? frequencyHz : 50);
  const timePerDivMs = stepFor(TIME_PER_DIV_MS, 2.5 * periodMs, DIVISIONS_X);
  const span = Math.ceil((4 * periodMs * sampleRateHz) / 1000);
  let vLo = Infinity;
  let vHi = -Infinity;
  let iLo = Infinity;
  let iHi = -Infinity;
  let pLo = Infinity;
  let pHi = -Infinity;
  for (let k = Math.max(ring.start, ring.end - span); k < ring.end; k++) {
    const v = ring.v(k);
    const i = ring.i(k);
    if (!Number.isNaN(v)) {
      vLo = Math.min(vLo, v);
      vHi = Math.max(vHi, v);
    }
    if (!Number.isNaN(i)) {
      iLo = Math.min(iLo, i);
      iHi = Math.max(iHi, i);
    }
    if (!Number.isNaN(v) && !Number.isNaN(i)) {
      pLo = Math.min(pLo, v * i);
      pHi = Math.max(pHi, v * i);
    }
  }
  // Scales are centred on zero (AC signals): what must fit is twice the larger excursion.
  const swing = (lo: number, hi: number) => (hi >= lo ? 2 * Math.max(Math.abs(lo), Math.abs(hi)) : 0);
  const patch: { -readonly [K in keyof ScopeSettings]?: ScopeSettings[K] } = { timePerDivMs, mode: 'auto', running: true, triggerChannel: 'voltage', triggerEdge: 'rising' };
  if (vHi >= vLo) {
    patch.voltsPerDiv = stepFor(VOLTS_PER_DIV, swing(vLo, vHi), FILL_DIVS);
    patch.triggerLevelV = Math.round((vLo + vHi) / 2) || 0; // never −0
  }
  if (iHi >= iLo) patch.ampsPerDiv = stepFor(AMPS_PER_DIV, swing(iLo, iHi), FILL_DIVS);
  if (pHi >= pLo) patch.wattsPerDiv = stepFor(WATTS_PER_DIV, swing(pLo, pHi), FILL_DIVS);
  return patch;
}
