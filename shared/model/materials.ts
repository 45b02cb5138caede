// Wall materials and what a radio path loses crossing one, in dB per wall (the COST 231 multi-wall
// model's L_wi, COST 231 final report §4.7.3). The defaults, and what they are based on:
//
// - Concrete, brick, plasterboard, glass and wood: penetration loss of a homogeneous slab at normal
//   incidence (multiple internal reflections included, ITU-R P.2040-1 §3) computed from the
//   electrical properties of ITU-R P.2040-1 Table 3 (εr = a·f^b, σ = c·f^d, f in GHz), at 2.44 GHz
//   and the stated thickness. `slabLossDb` below reproduces every number of the table (tested).
//   Cross-check with the COST 231 multi-wall fit at 1.8 GHz: light wall 3.4 dB (our plasterboard
//   partition: 2.2 dB), heavy wall 6.9 dB (our 24 cm brick: 6.5 dB).
// - Sub-GHz values (868 MHz) only where P.2040's fit covers that frequency (wood 0.001–100 GHz,
//   glass 0.1–100 GHz); concrete, brick and plasterboard are fitted from 1 GHz up, so their sub-GHz
//   loss is left unpublished and the 2.4 GHz value is used (losses grow with frequency: conservative).
// - Floor slab: ITU-R P.1238 floor penetration loss factor for offices, one floor: 14 dB at 2.4 GHz,
//   9 dB at 900 MHz.
// - Metal: P.2040 gives σ = 10^7 S/m, i.e. over a thousand dB through 1 mm — a perfect screen. Real
//   metal partitions and doors leak through frames and joints, so the default is a 30 dB planning value
//   that blocks any link's margin; measure on site where it matters.
// Every value is editable per project (building.ts `Material.attenuationDb`).

/** P.2040-1 Table 3 coefficients: εr = a·f^b, σ = c·f^d (S/m), f in GHz, valid over [fromGHz, toGHz]. */
export interface P2040Material {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly fromGHz: number;
  readonly toGHz: number;
}

export const P2040_MATERIALS = {
  concrete: { a: 5.24, b: 0, c: 0.0462, d: 0.7822, fromGHz: 1, toGHz: 100 },
  brick: { a: 3.91, b: 0, c: 0.0238, d: 0.16, fromGHz: 1, toGHz: 10 },
  plasterboard: { a: 2.73, b: 0, c: 0.0085, d: 0.9395, fromGHz: 1, toGHz: 100 },
  wood: { a: 1.99, b: 0, c: 0.0047, d: 1.0718, fromGHz: 0.001, toGHz: 100 },
  glass: { a: 6.31, b: 0, c: 0.0036, d: 1.3394, fromGHz: 0.1, toGHz: 100 },
  metal: { a: 1, b: 0, c: 1e7, d: 0, fromGHz: 1, toGHz: 100 },
} as const satisfies Record<string, P2040Material>;

/** Frequencies at which the default table is given. */
export const BAND_2G4_HZ = 2.44e9;
export const BAND_SUB_GHZ_HZ = 868e6;

/**
 * Loss through a homogeneous slab at normal incidence, dB (ITU-R P.2040-1 §3: single layer with
 * multiple reflections): T = (1 − R²)·e^(−jq) / (1 − R²·e^(−2jq)), R = (1 − √η)/(1 + √η),
 * q = 2π·d·√η / λ, η = εr − j·17.98·σ/f(GHz).
 */
export function slabLossDb(m: P2040Material, thicknessM: number, frequencyHz: number): number {
  const fGHz = frequencyHz / 1e9;
  const er = m.a * Math.pow(fGHz, m.b);
  const sigma = m.c * Math.pow(fGHz, m.d);
  // √η with η = er − j·x (principal root, negative imaginary part)
  const x = (17.98 * sigma) / fGHz;
  const mod = Math.hypot(er, x);
  const nRe = Math.sqrt((mod + er) / 2);
  const nIm = -Math.sqrt((mod - er) / 2);
  // R = (1 − n)/(1 + n)
  const [rRe, rIm] = cdiv(1 - nRe, -nIm, 1 + nRe, nIm);
  const [r2Re, r2Im] = cmul(rRe, rIm, rRe, rIm);
  const k0 = (2 * Math.PI * frequencyHz) / 299_792_458;
  // q = k0·d·n ; e^(−jq) = e^(k0·d·nIm)·(cos(k0·d·nRe) − j·sin(k0·d·nRe))
  const qRe = k0 * thicknessM * nRe;
  const qIm = k0 * thicknessM * nIm;
  const e1Mag = Math.exp(qIm);
  const e1Re = e1Mag * Math.cos(qRe);
  const e1Im = -e1Mag * Math.sin(qRe);
  const [e2Re, e2Im] = cmul(e1Re, e1Im, e1Re, e1Im);
  const [numRe, numIm] = cmul(1 - r2Re, -r2Im, e1Re, e1Im);
  const [r2e2Re, r2e2Im] = cmul(r2Re, r2Im, e2Re, e2Im);
  const [tRe, tIm] = cdiv(numRe, numIm, 1 - r2e2Re, -r2e2Im);
  return -20 * Math.log10(Math.hypot(tRe, tIm));
}

function cmul(a: number, b: number, c: number, d: number): [number, number] {
  return [a * c - b * d, a * d + b * c];
}

function cdiv(a: number, b: number, c: number, d: number): [number, number] {
  const den = c * c + d * d;
  return [(a * c + b * d) / den, (b * c - a * d) / den];
}

export interface DefaultMaterial {
  readonly name: string;
  readonly colour: string;
  /** Loss per wall at 2.4 GHz, dB (what `attenuationDb` is for a 2.4 GHz project). */
  readonly attenuationDb: number;
  /** Loss per wall at 868 MHz where published, dB; null = use the 2.4 GHz value. */
  readonly attenuationDbSubGhz: number | null;
  /** What the numbers rest on. */
  readonly basis: string;
}

export const DEFAULT_MATERIALS: readonly DefaultMaterial[] = [
  { name: 'Concrete', colour: '#7f8c8d', attenuationDb: 14.8, attenuationDbSubGhz: null, basis: 'ITU-R P.2040-1 Table 3, 20 cm slab' },
  { name: 'Brick', colour: '#c0392b', attenuationDb: 6.5, attenuationDbSubGhz: null, basis: 'ITU-R P.2040-1 Table 3, 24 cm slab' },
  { name: 'Plasterboard', colour: '#bdc3c7', attenuationDb: 2.2, attenuationDbSubGhz: null, basis: 'ITU-R P.2040-1 Table 3, stud partition of 2 × 12.5 mm boards' },
  { name: 'Glass', colour: '#5dade2', attenuationDb: 3.1, attenuationDbSubGhz: 0.9, basis: 'ITU-R P.2040-1 Table 3, 10 mm pane (not metallised)' },
  { name: 'Wooden door', colour: '#a0522d', attenuationDb: 0.6, attenuationDbSubGhz: 0.6, basis: 'ITU-R P.2040-1 Table 3 (wood), 4 cm leaf' },
  { name: 'Metal', colour: '#34495e', attenuationDb: 30, attenuationDbSubGhz: 30, basis: 'planning value: P.2040 metal is opaque, real partitions leak at joints' },
  { name: 'Floor slab', colour: '#566573', attenuationDb: 14, attenuationDbSubGhz: 9, basis: 'ITU-R P.1238 floor penetration loss, office, one floor (2.4 GHz; 900 MHz)' },
];

/** The default table for a project whose radios work at `frequencyHz`: name, colour and dB per wall. */
export function defaultMaterialsFor(frequencyHz: number): Array<{ name: string; attenuationDb: number; colour: string }> {
  const subGhz = frequencyHz < 1e9;
  return DEFAULT_MATERIALS.map((m) => ({
    name: m.name,
    colour: m.colour,
    attenuationDb: subGhz && m.attenuationDbSubGhz !== null ? m.attenuationDbSubGhz : m.attenuationDb,
  }));
}
