import { describe, expect, it } from 'vitest';
import { distanceForLossM, distanceLossDb, freeSpaceModel, friisPathLossDb } from '../../../shared/radio/path-loss';
import { linkClears, lowestClosingLevel, maxPathLossDb, receivedPowerDbm } from '../../../shared/radio/link-budget';

describe('path loss', () => {
  it('matches the Friis equation computed by hand', () => {
    // 20·log10(4π · 10 m · 2.4e9 Hz / 299 792 458 m/s) = 20·log10(1005.99) = 60.052 dB
    expect(friisPathLossDb(10, 2.4e9)).toBeCloseTo(60.052, 3);
    // 1 m at 2.4 GHz: 40.052 dB; doubling the distance adds 6.02 dB
    expect(friisPathLossDb(1, 2.4e9)).toBeCloseTo(40.052, 3);
    expect(friisPathLossDb(20, 2.4e9) - friisPathLossDb(10, 2.4e9)).toBeCloseTo(6.0206, 4);
    // 868 MHz, 10 m: 20·log10(363.83) = 51.218 dB
    expect(friisPathLossDb(10, 868e6)).toBeCloseTo(51.218, 3);
  });

  it('gives the log-distance law from the free-space loss at 1 m', () => {
    const free = freeSpaceModel(2.4e9);
    expect(distanceLossDb(free, 10)).toBeCloseTo(friisPathLossDb(10, 2.4e9), 12);
    const n3 = { frequencyHz: 2.4e9, exponent: 3, referenceDistanceM: 1 };
    expect(distanceLossDb(n3, 10)).toBeCloseTo(40.052 + 30, 3);
    expect(distanceLossDb(n3, 100)).toBeCloseTo(40.052 + 60, 3);
    // Held at the reference loss below d0
    expect(distanceLossDb(n3, 0.1)).toBeCloseTo(40.052, 3);
    expect(distanceLossDb(n3, 0)).toBeCloseTo(40.052, 3);
  });

  it('inverts the distance term for the range of a link budget', () => {
    const n3 = { frequencyHz: 2.4e9, exponent: 3, referenceDistanceM: 1 };
    expect(distanceForLossM(n3, distanceLossDb(n3, 37.5))).toBeCloseTo(37.5, 9);
    expect(distanceForLossM(n3, 10)).toBe(1);
  });
});

describe('link budget', () => {
  const zigbee = { txPowerDbm: 4.5, antennaGainDbi: 0, rxSensitivityDbm: -97 };

  it('computes received power and the margin test', () => {
    expect(receivedPowerDbm(4.5, 2, 0, 80)).toBe(-73.5);
    expect(linkClears(-87, -97, 10)).toBe(true); // exactly at sensitivity + margin
    expect(linkClears(-87.01, -97, 10)).toBe(false);
    expect(maxPathLossDb(zigbee, zigbee, 10)).toBe(91.5);
  });

  it('finds the lowest transmit level that still closes the link', () => {
    const levels = [-22, -16, -10, -4, 1, 4.5];
    // path loss 80 dB: needs tx ≥ −87 + 80 = −7 dBm → −4 dBm (index 3)
    expect(lowestClosingLevel(levels, 0, zigbee, 80, 10)).toBe(3);
    expect(lowestClosingLevel(levels, 0, zigbee, 60, 10)).toBe(0);
    expect(lowestClosingLevel(levels, 0, zigbee, 91.5, 10)).toBe(5);
    expect(lowestClosingLevel(levels, 0, zigbee, 91.6, 10)).toBe(-1);
  });
});
