// Distance term of indoor path loss.
// - Friis transmission equation in dB (free space): FSPL = 20·log10(4π·d·f / c).
// - Log-distance model: PL(d) = PL(d0) + 10·n·log10(d / d0), with PL(d0) the free-space loss at the
//   reference distance d0 (Rappaport, Wireless Communications, 2nd ed., §4.9.1). n = 2 is free space;
//   the COST 231 multi-wall model keeps n = 2 and puts the obstruction into the wall term.
// Below d0 the loss is held at PL(d0): devices a few centimetres apart are in each other's near field,
// where neither formula holds, and a link that short is never the planning question.

/** Speed of light in vacuum, m/s (exact, SI). */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;

/** Free-space path loss (Friis), dB. */
export function friisPathLossDb(distanceM: number, frequencyHz: number): number {
  return 20 * Math.log10((4 * Math.PI * distanceM * frequencyHz) / SPEED_OF_LIGHT_M_PER_S);
}

export interface PropagationModel {
  readonly frequencyHz: number;
  /** Path-loss exponent n (2 = free space). */
  readonly exponent: number;
  /** Reference distance d0, m (1 m by convention indoors). */
  readonly referenceDistanceM: number;
}

export function freeSpaceModel(frequencyHz: number): PropagationModel {
  return { frequencyHz, exponent: 2, referenceDistanceM: 1 };
}

/** Log-distance path loss without walls, dB. */
export function distanceLossDb(model: PropagationModel, distanceM: number): number {
  const d0 = model.referenceDistanceM;
  const atReference = friisPathLossDb(d0, model.frequencyHz);
  if (distanceM <= d0) return atReference;
  return atReference + 10 * model.exponent * Math.log10(distanceM / d0);
}

/** The distance at which the distance term alone reaches `lossDb` (≥ d0): no link reaches further. */
export function distanceForLossM(model: PropagationModel, lossDb: number): number {
  const d0 = model.referenceDistanceM;
  const atReference = friisPathLossDb(d0, model.frequencyHz);
  if (lossDb <= atReference) return d0;
  return d0 * Math.pow(10, (lossDb - atReference) / (10 * model.exponent));
}
