import { describe, expect, it } from 'vitest';
import { ok, err } from '../../../shared/api/result';
import type { MeterValues, PolledReference } from '../../../electron/services/reference-meter/modbus-reference-meter';
import { averageReference, combinePolls } from '../../../electron/services/reference-meter/reference-averager';
import { floatFromRegisters, REGISTER_MAPS, registersFromFloat } from '../../../electron/services/reference-meter/register-maps';
import { modbusFailure } from '../../../electron/services/reference-meter/modbus-errors';

describe('register maps', () => {
  it('decode big-endian float32, high word first', () => {
    // 230.0 = 0x4366 0000; −1.5 = 0xBFC0 0000; 49.98 ≈ 0x4247 EB85
    expect(floatFromRegisters(0x4366, 0x0000)).toBe(230);
    expect(floatFromRegisters(0xbfc0, 0x0000)).toBe(-1.5);
    expect(registersFromFloat(49.98)).toEqual([0x4247, 0xeb85]);
    expect(floatFromRegisters(...registersFromFloat(49.98))).toBe(Math.fround(49.98));
  });

  it('follow each vendor’s addressing convention', () => {
    // PAC3200: the manual's offset is the PDU address. Eastron: 3xxxx parameter − 30001.
    expect(REGISTER_MAPS.pac3200.table).toBe('holding');
    expect(REGISTER_MAPS.pac3200.quantities.voltageV.address).toBe(1);
    expect(REGISTER_MAPS.pac3200.quantities.frequencyHz.address).toBe(55);
    expect(REGISTER_MAPS.sdm120.table).toBe('input');
    expect(REGISTER_MAPS.sdm120.quantities.voltageV.address).toBe(0);
    expect(REGISTER_MAPS.sdm120.quantities.frequencyHz.address).toBe(0x46);
    expect(REGISTER_MAPS.sdm630.quantities.powerFactor).toEqual({ address: 0x1e, documented: '30031', name: 'Phase 1 power factor' });
  });
});

describe('averaging a polled reference', () => {
  it('combines RMS values as a root mean square and the rest as means', () => {
    const r = combinePolls(
      [
        { voltageV: 3, currentA: 1, activePowerW: 10, powerFactor: 0.5 },
        { voltageV: 4, currentA: 7, activePowerW: 20, powerFactor: 0.7 },
      ],
      0.5,
    );
    // √((9 + 16)/2) = 3.5355; √((1 + 49)/2) = 5
    expect(r.voltageV).toBeCloseTo(3.5355339, 6);
    expect(r.currentA).toBeCloseTo(5, 12);
    expect(r.activePowerW).toBe(15);
    expect(r.powerFactor).toBeCloseTo(0.6, 12);
    expect(r.frequencyHz).toBeUndefined();
    expect(r.samples).toBe(2);
    expect(r.durationS).toBe(0.5);
  });

  it('polls until the window has elapsed, on the clock it is given', async () => {
    let t = 0;
    const polls: MeterValues[] = [{ voltageV: 230 }, { voltageV: 232 }, { voltageV: 228 }, { voltageV: 999 }];
    let k = 0;
    const reference: PolledReference = {
      description: 'fake',
      poll: async () => {
        t += 40; // each poll takes 40 ms
        return ok(polls[k++]);
      },
      close: async () => undefined,
    };
    const r = await averageReference(reference, { windowMs: 100, now: () => t });
    expect(k).toBe(3);
    expect(r.ok && r.value.samples).toBe(3);
    expect(r.ok && r.value.voltageV).toBeCloseTo(Math.sqrt((230 ** 2 + 232 ** 2 + 228 ** 2) / 3), 9);
    expect(r.ok && r.value.durationS).toBeCloseTo(0.12, 12);
  });

  it('stops at the first failed poll with its message', async () => {
    let k = 0;
    const reference: PolledReference = {
      description: 'fake',
      poll: async () => (k++ === 0 ? ok({ voltageV: 230 }) : err('modbus-timeout', 'no answer')),
      close: async () => undefined,
    };
    const r = await averageReference(reference, { windowMs: 1000, now: () => 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('no answer');
  });

  it('names unknown exception codes and other library errors plainly', () => {
    const ctx = { meter: 'M', what: 'V', timeoutMs: 100 };
    expect(modbusFailure({ modbusCode: 12 }, ctx).message).toBe('M answered the read of V with Modbus exception 12 (unknown exception).');
    expect(modbusFailure(new Error('CRC error'), ctx)).toMatchObject({ code: 'modbus-error', message: 'Reading V from M failed: CRC error.' });
  });
});
