// The reference-meter client against a real Modbus stack: pymodbus slaves emulating a PAC3200 (holding
// registers, offset = PDU address) and Eastron SDM120/SDM630 (input registers, 3xxxx − 30001), over
// Modbus TCP on a loopback port and over Modbus RTU on a socat pseudo-terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModbusLink } from '../../../shared/calibration/reference-reading';
import { ModbusReferenceMeter } from '../../../electron/services/reference-meter/modbus-reference-meter';
import { averageReference } from '../../../electron/services/reference-meter/reference-averager';
import type { PtyBridge, RunningSlave } from './slave-process';
import { startPtyBridge, startSlave } from './slave-process';

// Values whose float32 words differ (230 V = 0x4366_0000: swapped words would read 2.4e−41) and that
// differ from their neighbours in the map, so a wrong address or word order cannot read back the same.
const VALUES = { voltageV: 230.0, currentA: 4.75, activePowerW: 1061.5, reactivePowerVar: 312.25, powerFactor: 0.9625, frequencyHz: 49.98 };
const expected = Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [k, Math.fround(v)]));

const tcp = (port: number): ModbusLink => ({ transport: 'tcp', host: '127.0.0.1', port });
const rtu = (p: string): ModbusLink => ({ transport: 'rtu', path: p, baudRate: 19200, parity: 'even', stopBits: 1 });

async function openMeter(model: 'pac3200' | 'sdm120' | 'sdm630', link: ModbusLink, timeoutMs = 1000): Promise<ModbusReferenceMeter> {
  const m = await ModbusReferenceMeter.open({ model, link, unitId: 1, timeoutMs });
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

describe.each(['pac3200', 'sdm120', 'sdm630'] as const)('%s over Modbus TCP', (model) => {
  let slave: RunningSlave;
  beforeAll(async () => {
    slave = await startSlave({ meter: model, values: VALUES });
  });
  afterAll(() => slave?.stop());

  it('reads every quantity with the vendor’s addressing and word order', async () => {
    const meter = await openMeter(model, tcp(slave.port));
    try {
      const r = await meter.poll();
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toEqual(expected);
    } finally {
      await meter.close();
    }
  });
});

describe('PAC3200 and SDM120 over Modbus RTU on a pseudo-terminal', () => {
  const running: { slave: RunningSlave; bridge: PtyBridge }[] = [];
  afterAll(async () => {
    for (const r of running) {
      await r.bridge.stop();
      await r.slave.stop();
    }
  });

  it.each(['pac3200', 'sdm120'] as const)('%s: reads known values, then values the test changes', async (model) => {
    const slave = await startSlave({ meter: model, framer: 'rtu', values: VALUES });
    const bridge = await startPtyBridge(slave.port);
    running.push({ slave, bridge });
    const meter = await openMeter(model, rtu(bridge.path));
    try {
      const first = await meter.poll();
      expect(first.ok && first.value).toEqual(expected);
      await slave.setValues({ voltageV: 119.5, currentA: 0.625 });
      const v = await meter.read('voltageV');
      const i = await meter.read('currentA');
      expect(v.ok && v.value).toBe(119.5);
      expect(i.ok && i.value).toBe(0.625);
    } finally {
      await meter.close();
    }
  });

  it('a slave that does not answer (another unit id on the line) gives a timeout result', async () => {
    const slave = await startSlave({ meter: 'sdm120', framer: 'rtu', values: VALUES, serveUnit: 7 });
    const bridge = await startPtyBridge(slave.port);
    running.push({ slave, bridge });
    const meter = await openMeter('sdm120', rtu(bridge.path), 250);
    try {
      const r = await meter.read('voltageV');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('modbus-timeout');
        expect(r.message).toMatch(/Eastron SDM120-Modbus at .*ttyREF.*\(unit 1\) did not answer the read of Voltage \(30001\) within 250 ms/);
      }
    } finally {
      await meter.close();
    }
  });
});

describe('failures over Modbus TCP', () => {
  const slaves: RunningSlave[] = [];
  afterAll(async () => {
    for (const s of slaves) await s.stop();
  });

  it('a slave that does not answer gives a timeout result, and the poll stops there', async () => {
    const slave = await startSlave({ meter: 'pac3200', values: VALUES, serveUnit: 9 });
    slaves.push(slave);
    const meter = await openMeter('pac3200', tcp(slave.port), 200);
    try {
      const r = await meter.poll();
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('modbus-timeout');
        expect(r.message).toMatch(/Voltage Va-n \(offset 1\) within 200 ms/);
      }
    } finally {
      await meter.close();
    }
  });

  it.each([
    ['illegal-address', 2, 'ILLEGAL DATA ADDRESS'],
    ['device-failure', 4, 'SERVER DEVICE FAILURE'],
  ] as const)('an exception response (%s) gives a result naming exception %i', async (fault, code, name) => {
    const slave = await startSlave({ meter: 'sdm630', values: VALUES, fault });
    slaves.push(slave);
    const meter = await openMeter('sdm630', tcp(slave.port));
    try {
      const r = await meter.read('currentA');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('modbus-exception');
        expect(r.message).toContain(`answered the read of Phase 1 current (30007) with Modbus exception ${code} (${name})`);
      }
    } finally {
      await meter.close();
    }
  });

  it('a closed port gives a connection result, and a closed meter refuses reads', async () => {
    const slave = await startSlave({ meter: 'sdm120', values: VALUES });
    const port = slave.port;
    await slave.stop();
    const refused = await ModbusReferenceMeter.open({ model: 'sdm120', link: tcp(port), unitId: 1, timeoutMs: 500 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('modbus-connect');
      expect(refused.message).toMatch(/Could not connect to Eastron SDM120-Modbus at 127\.0\.0\.1:\d+/);
    }
  });

  it('averages polls over a window, in step with a board window of the same length', async () => {
    const slave = await startSlave({ meter: 'pac3200', values: VALUES });
    slaves.push(slave);
    const meter = await openMeter('pac3200', tcp(slave.port));
    try {
      const r = await averageReference(meter, { windowMs: 60, minPolls: 3 });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.samples).toBeGreaterThanOrEqual(3);
      expect(r.value.durationS).toBeGreaterThanOrEqual(0.06);
      expect(r.value.voltageV).toBeCloseTo(expected.voltageV, 4);
      expect(r.value.activePowerW).toBeCloseTo(expected.activePowerW, 3);
      expect(r.value.powerFactor).toBeCloseTo(expected.powerFactor, 6);
    } finally {
      await meter.close();
      const after = await meter.read('voltageV');
      expect(after.ok).toBe(false);
      if (!after.ok) expect(after.code).toBe('modbus-closed');
    }
  });
});
