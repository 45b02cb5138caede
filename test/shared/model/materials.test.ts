import { describe, expect, it } from 'vitest';
import { BAND_2G4_HZ, BAND_SUB_GHZ_HZ, DEFAULT_MATERIALS, P2040_MATERIALS, defaultMaterialsFor, slabLossDb } from '../../../shared/model/materials';

const byName = (name: string) => {
  const m = DEFAULT_MATERIALS.find((d) => d.name === name);
  if (!m) throw new Error(name);
  return m;
};

describe('slab penetration loss (ITU-R P.2040 single layer)', () => {
  it('is zero for a lossless slab half a wavelength thick (Fabry–Perot resonance)', () => {
    const lossless = { a: 4, b: 0, c: 0, d: 0, fromGHz: 0, toGHz: 100 };
    const lambdaInSlab = 299_792_458 / 2.4e9 / 2; // √εr = 2
    expect(slabLossDb(lossless, lambdaInSlab / 2, 2.4e9)).toBeCloseTo(0, 9);
    // and a quarter-wave slab reflects most: |T|² = 4n²/(1+n²)² … = 1 − ((n²−1)/(n²+1))², n = 2 → 1.94 dB
    expect(slabLossDb(lossless, lambdaInSlab / 4, 2.4e9)).toBeCloseTo(-10 * Math.log10(1 - (3 / 5) ** 2), 9);
  });

  it('grows with thickness and frequency for concrete', () => {
    const c = P2040_MATERIALS.concrete;
    expect(slabLossDb(c, 0.2, BAND_2G4_HZ)).toBeGreaterThan(slabLossDb(c, 0.1, BAND_2G4_HZ));
    expect(slabLossDb(c, 0.2, 5.2e9)).toBeGreaterThan(slabLossDb(c, 0.2, BAND_2G4_HZ));
    expect(slabLossDb(P2040_MATERIALS.metal, 0.001, BAND_2G4_HZ)).toBeGreaterThan(1000);
  });
});

describe('default material table', () => {
  it('reproduces each P.2040-based value from its stated thickness', () => {
    const at = (m: keyof typeof P2040_MATERIALS, t: number, f = BAND_2G4_HZ) => Math.round(slabLossDb(P2040_MATERIALS[m], t, f) * 10) / 10;
    expect(byName('Concrete').attenuationDb).toBe(at('concrete', 0.2));
    expect(byName('Brick').attenuationDb).toBe(at('brick', 0.24));
    expect(byName('Plasterboard').attenuationDb).toBeCloseTo(2 * slabLossDb(P2040_MATERIALS.plasterboard, 0.0125, BAND_2G4_HZ), 1);
    expect(byName('Glass').attenuationDb).toBe(at('glass', 0.01));
    expect(byName('Glass').attenuationDbSubGhz).toBe(at('glass', 0.01, BAND_SUB_GHZ_HZ));
    expect(byName('Wooden door').attenuationDb).toBe(at('wood', 0.04));
    expect(byName('Wooden door').attenuationDbSubGhz).toBe(at('wood', 0.04, BAND_SUB_GHZ_HZ));
  });

  it('agrees with the COST 231 multi-wall fit within 1.5 dB (light wall 3.4 dB, heavy wall 6.9 dB)', () => {
    expect(Math.abs(byName('Plasterboard').attenuationDb - 3.4)).toBeLessThan(1.5);
    expect(Math.abs(byName('Brick').attenuationDb - 6.9)).toBeLessThan(1.5);
  });

  it('has the seven materials of the design and picks the band', () => {
    expect(DEFAULT_MATERIALS.map((m) => m.name)).toEqual(['Concrete', 'Brick', 'Plasterboard', 'Glass', 'Wooden door', 'Metal', 'Floor slab']);
    const sub = defaultMaterialsFor(868e6);
    expect(sub.find((m) => m.name === 'Floor slab')?.attenuationDb).toBe(9); // P.1238, 900 MHz
    expect(sub.find((m) => m.name === 'Concrete')?.attenuationDb).toBe(14.8); // unpublished: 2.4 GHz value kept
    expect(defaultMaterialsFor(2.44e9).find((m) => m.name === 'Floor slab')?.attenuationDb).toBe(14);
  });
});
