// Detection models of a sensor (thesis §2.2.5).
// - Binary disk (eq. 2.11; the thesis's code tests d ≤ R_d): probability 1 within R_d, 0 beyond.
// - Probabilistic with a zone of confidence (eq. 2.8 and 2.9, Zou & Chakrabarty 2003): certain within
//   R_min, decaying to R_max, zero from R_max on. The thesis writes the decay as exp(−α·d) and λ·d^−k;
//   we take the constants that make the probability continuous at R_min, i.e. exp(−α·(d − R_min)) and
//   (R_min / d)^k (λ = R_min^k), so a sensor is not less certain just outside R_min than just inside.
// Coverage of a cell by several sensors combines independent detections: 1 − Π(1 − p_i) (Zou &
// Chakrabarty 2004), compared with a probability threshold; for binary disks this is "≥ 1 sensor".

export type DetectionModel =
  | { readonly kind: 'disk'; readonly radiusM: number }
  | { readonly kind: 'exponential'; readonly rMinM: number; readonly rMaxM: number; readonly alphaPerM: number }
  | { readonly kind: 'polynomial'; readonly rMinM: number; readonly rMaxM: number; readonly exponentK: number };

/** Distances within this tolerance of a radius count as on it (inside for R_d and R_min). */
const RADIUS_EPS_M = 1e-9;

export function detectionProbability(model: DetectionModel, distanceM: number): number {
  switch (model.kind) {
    case 'disk':
      return distanceM <= model.radiusM + RADIUS_EPS_M ? 1 : 0;
    case 'exponential':
      if (distanceM <= model.rMinM + RADIUS_EPS_M) return 1;
      if (distanceM >= model.rMaxM) return 0;
      return Math.exp(-model.alphaPerM * (distanceM - model.rMinM));
    case 'polynomial':
      if (distanceM <= model.rMinM + RADIUS_EPS_M) return 1;
      if (distanceM >= model.rMaxM) return 0;
      return Math.pow(model.rMinM / distanceM, model.exponentK);
  }
}

/** Beyond this distance the probability is 0: the radius of the precomputed site → cells table. */
export function detectionReachM(model: DetectionModel): number {
  return model.kind === 'disk' ? model.radiusM : model.rMaxM;
}

/** Joint probability that at least one of independent sensors detects: 1 − Π(1 − p_i). */
export function jointDetectionProbability(probabilities: readonly number[]): number {
  let miss = 1;
  for (const p of probabilities) miss *= 1 - p;
  return 1 - miss;
}

export interface CellCoverage {
  /** Joint probability ≥ threshold. */
  readonly covered: boolean;
  /** Sensors detecting the cell with probability ≥ threshold on their own (k for k-coverage). */
  readonly degree: number;
}

/** Coverage of one cell from the detection probabilities of the sensors that reach it. */
export function cellCoverage(probabilities: readonly number[], threshold: number): CellCoverage {
  let degree = 0;
  for (const p of probabilities) if (p >= threshold) degree++;
  return { covered: jointDetectionProbability(probabilities) >= threshold, degree };
}
