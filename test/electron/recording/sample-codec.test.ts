// Capture samples stored as scaled int16: round trip within half a stored count, lost samples kept as
// lost, 4 bytes a pair, and a damaged blob or description refused with a reason.
import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT, decodeSamples, encodeSamples } from '../../../electron/services/recording/sample-codec';

describe('capture sample codec', () => {
  const n = 1280;
  const voltageV = Array.from({ length: n }, (_, k) => 325.27 * Math.sin((2 * Math.PI * k) / 128)) as (number | null)[];
  const currentA = Array.from({ length: n }, (_, k) => 14.1 * Math.sin((2 * Math.PI * k) / 128 - 0.6)) as (number | null)[];
  voltageV[100] = null;
  currentA[100] = null;
  currentA[101] = Number.NaN;

  it('round-trips within half a count of each channel’s own scale', () => {
    const e = encodeSamples(voltageV, currentA);
    expect(e.bytes.byteLength).toBe(4 * n);
    // The peak maps onto 32767 counts: 325.27 V / 32767 ≈ 9.9 mV a count.
    expect(e.channels[0].scale).toBeCloseTo(325.27 / 32767, 4);
    const d = decodeSamples(CAPTURE_FORMAT, JSON.stringify(e.channels), n, e.bytes);
    if (!d.ok) throw new Error(d.message);
    let worstV = 0;
    let worstI = 0;
    for (let k = 0; k < n; k++) {
      if (k === 100 || k === 101) continue;
      worstV = Math.max(worstV, Math.abs(d.voltageV[k]! - voltageV[k]!));
      worstI = Math.max(worstI, Math.abs(d.currentA[k]! - currentA[k]!));
    }
    expect(worstV).toBeLessThanOrEqual(e.channels[0].scale / 2 + 1e-12);
    expect(worstI).toBeLessThanOrEqual(e.channels[1].scale / 2 + 1e-12);
    expect([d.voltageV[100], d.currentA[100], d.currentA[101], d.voltageV[101]]).toEqual([null, null, null, expect.any(Number)]);
  });

  it('refuses mismatched channels, a truncated blob, a wrong description or an unknown format', () => {
    expect(() => encodeSamples([1, 2], [1])).toThrow(/as many samples/);
    const e = encodeSamples([1, 2, 3], [0, 0, 0]);
    expect(e.channels[1].scale).toBe(1); // an all-zero channel still has a usable scale
    const channels = JSON.stringify(e.channels);
    expect(decodeSamples(CAPTURE_FORMAT, channels, 3, e.bytes.subarray(0, 10))).toMatchObject({ ok: false, message: expect.stringMatching(/10 bytes where 3 pairs need 12/) });
    expect(decodeSamples(CAPTURE_FORMAT, '{oops', 3, e.bytes)).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(decodeSamples(CAPTURE_FORMAT, '[{"scale":0},{"scale":1}]', 3, e.bytes)).toMatchObject({ ok: false });
    expect(decodeSamples('f64-something', channels, 3, e.bytes)).toMatchObject({ ok: false, message: expect.stringMatching(/does not read/) });
  });
});
