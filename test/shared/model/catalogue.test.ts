import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dutyCycleAt, findDevice, parseCatalogue, parseDeviceSpec } from '../../../shared/model/catalogue';
import { averageCurrentMa, lifetimeYears } from '../../../shared/radio/lifetime';

const json = JSON.parse(readFileSync(new URL('../../../resources/catalogue/devices.json', import.meta.url), 'utf8')) as unknown;

describe('device catalogue', () => {
  it('loads resources/catalogue/devices.json with every technology of the design', () => {
    const r = parseCatalogue(json);
    if (!r.ok) throw new Error(r.message);
    const techs = new Set(r.value.devices.map((d) => d.radio.technology));
    expect([...techs].sort()).toEqual(['ble', 'ideal-disk', 'ieee802154-2g4', 'lora', 'wifi']);
    const thesis = findDevice(r.value, 'thesis-sensor');
    expect(thesis?.detection).toEqual({ kind: 'disk', radiusM: 1.5, blockedByWalls: false });
    expect(thesis?.radio).toEqual({ technology: 'ideal-disk', rangeM: 3 });
    expect(findDevice(r.value, 'thesis-router')?.radio).toEqual({ technology: 'ideal-disk', rangeM: 5 });
  });

  it('gives the CC2530 sensor a multi-year life at full power, longer at its lowest level', () => {
    const r = parseCatalogue(json);
    if (!r.ok) throw new Error(r.message);
    const s = findDevice(r.value, 'zigbee-sensor-cc2530');
    if (!s) throw new Error('missing');
    const at = (level: number) => {
      const cycle = dutyCycleAt(s, level);
      if (!cycle) throw new Error('no cycle');
      const avg = averageCurrentMa(cycle);
      if (!avg.ok) throw new Error(avg.message);
      return avg.currentMa;
    };
    // (0.001 × 59.974 + 6.5 × 0.02 + 34 × 0.004 + 24 × 0.002) / 60 = 0.0062329 mA at +4.5 dBm
    expect(at(5)).toBeCloseTo((0.001 * 59.974 + 6.5 * 0.02 + 34 * 0.004 + 24 * 0.002) / 60, 12);
    expect(lifetimeYears(2400, at(5))).toBeCloseTo(43.95, 1);
    expect(at(0)).toBeLessThan(at(5));
  });

  it('says clearly when a device has no radio', () => {
    const r = parseDeviceSpec({ key: 'pir', kind: 'sensor', name: 'Bare PIR', cost: 5, detection: { kind: 'disk', radiusM: 4 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('device-without-radio');
    expect(r.message).toBe(
      'Device type "Bare PIR" has no radio: give it a radio (technology, frequency, transmit levels, sensitivity) before it can be placed in a network.',
    );
  });

  it('reports a sensor without detection, unsorted transmit levels and a bad catalogue', () => {
    const noDetection = parseDeviceSpec({ key: 's', kind: 'sensor', name: 'S', cost: 1, radio: { technology: 'ideal-disk', rangeM: 3 } });
    expect(!noDetection.ok && noDetection.code).toBe('sensor-without-detection');
    const unsorted = parseDeviceSpec({
      key: 'r',
      kind: 'router',
      name: 'R',
      cost: 1,
      radio: { technology: 'ble', frequencyHz: 2.44e9, txLevels: [{ powerDbm: 8, currentMa: 14 }, { powerDbm: 0, currentMa: 5 }], rxSensitivityDbm: -95, rxCurrentMa: 5 },
    });
    expect(!unsorted.ok && unsorted.message).toMatch(/radio.*txLevels must be sorted/);
    const bad = parseCatalogue({ version: 1, devices: [{ key: 'x', kind: 'router', name: 'No radio', cost: 1 }, { key: 'x', kind: 'toaster' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.code)).toEqual(['device-without-radio', 'invalid-device-spec']);
    expect(parseCatalogue({ devices: [] }).ok).toBe(false);
  });
});
