// The device API's handlers over the application's DeviceManager and the in-process virtual meter: every
// answer and event checked against the contract's schemas (what the renderer will check), the stream's
// wire form, the hostile links (no such port, a silent board, a wrong baud rate), an unplug and its
// reconnect, and the virtual meter's deliberate errors seen in the readings.
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../shared/api/result';
import type { EventName, EventPayload, MethodResult } from '../../../shared/api/contract';
import { deviceEvents, deviceMethods } from '../../../shared/api/device-api';
import type { DeviceStatusWire, SampleBatch, VirtualMeterState } from '../../../shared/api/device-api';
import { createDeviceHandlers, type DeviceHandlers } from '../../../electron/services/app/device-handlers';
import { EventHub } from '../../../electron/services/app/event-hub';
import { openSerialPort } from '../../../electron/services/device/serial-port';
import { sleep, socatPair, waitFor } from '../device/helpers';

const noProject = { store: err('no-project', 'No project is open.'), onDidChangeProject: () => () => undefined };

let open: DeviceHandlers[] = [];
afterEach(async () => {
  for (const h of open) await h.dispose();
  open = [];
});

function setup() {
  const events = new EventHub();
  const received: { event: EventName; payload: unknown }[] = [];
  events.subscribe((event, payload) => {
    // What crosses the web shell: JSON, then the renderer's schema.
    const wire: unknown = JSON.parse(JSON.stringify(payload));
    if (event in deviceEvents) {
      const parsed = deviceEvents[event as keyof typeof deviceEvents].safeParse(wire);
      if (!parsed.success) throw new Error(`${event} fails its schema: ${parsed.error.message}`);
    }
    received.push({ event, payload: wire });
  });
  const h = createDeviceHandlers({ events, projects: noProject, deviceManager: { listPorts: async () => ({ ports: [], source: 'os' }) } });
  open.push(h);
  const of = <E extends EventName>(event: E) => received.filter((r) => r.event === event).map((r) => r.payload as EventPayload<E>);
  /** Calls a handler with arguments parsed like the dispatcher does, and checks the answer's schema. */
  const call = async <N extends keyof typeof deviceMethods>(name: N, args: unknown) => {
    const handler = h.handlers[name] as (a: unknown) => unknown;
    const result = await handler(deviceMethods[name].args.parse(args));
    return deviceMethods[name].result.parse(JSON.parse(JSON.stringify(result))) as MethodResult<N>;
  };
  return { h, of, call, received };
}

const lastStatus = (statuses: DeviceStatusWire[]) => statuses.at(-1)!;

describe('device API over the virtual meter', () => {
  it('lists the virtual meter, connects and streams batches whose wire form is compact, contiguous and at display rate', async () => {
    const { call, of } = setup();
    const ports = await call('listPorts', {});
    expect(ports.ports.map((p) => p.path)).toEqual(['virtual:meter']);
    const configured = (await call('configureVirtualMeter', { errors: 'calibrated', load: 'inductive', powerW: 2300, powerFactor: 0.8 })) as { ok: true; value: VirtualMeterState };
    expect(configured.ok).toBe(true);
    expect(configured.value.config.errors).toBe('calibrated');
    const connected = await call('connectDevice', { path: 'virtual:meter' });
    expect(connected).toMatchObject({ ok: true, value: { state: 'streaming', identity: { samplesPerPeriod: 128 }, lastErrorCode: null } });
    const t0 = Date.now();
    await sleep(1200);
    const elapsedS = (Date.now() - t0) / 1000;
    const batches = of('sampleBatch') as SampleBatch[];
    // Batches, never frames: at most 30 a second (34 ms apart), whatever the load.
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(30 * elapsedS) + 1);
    for (let k = 1; k < batches.length; k++) {
      expect(batches[k].seq).toBe(batches[k - 1].seq + 1);
      expect(batches[k].firstSampleIndex).toBe(batches[k - 1].firstSampleIndex + batches[k - 1].voltageV.length);
    }
    const samples = batches.flatMap((b) => b.voltageV);
    expect(samples.every((v) => v !== null && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6)).toBe(true);
    expect(Math.max(...(samples as number[]))).toBeGreaterThan(300); // 230 V peaks at 325 V
    const truth = configured.value.truth;
    const windows = batches.flatMap((b) => b.measurements);
    expect(windows.length).toBeGreaterThanOrEqual(4);
    for (const w of windows) {
      expect(Math.abs(w.vrmsV / truth.vrmsV - 1)).toBeLessThan(0.005);
      expect(Math.abs(w.activePowerW / truth.activePowerW - 1)).toBeLessThan(0.01);
      expect(w.powerFactor).toBeCloseTo(0.8, 2);
      // Index = order: the DC offset, then the fundamental and harmonics up to the 15th.
      expect(w.voltageHarmonicsV).toHaveLength(16);
      expect(w.voltageHarmonicsV[1]! / w.vrmsV).toBeCloseTo(1, 3);
    }
    // Compact in JSON: at most 18 bytes a sample pair ("-325.123,-12.3456,"), plus ~1 kB per measurement window.
    for (const b of batches) expect(JSON.stringify(b).length).toBeLessThan(18 * b.voltageV.length + 1200 * b.measurements.length + 800);
  });

  it('shows the deliberate errors of an uncalibrated board (+2.3 % on the voltage), and writes its EEPROM when asked', async () => {
    const { call, of, h } = setup();
    expect((await call('getVirtualMeter', {})).config.errors).toBe('uncalibrated');
    await call('connectDevice', { path: 'virtual:meter' });
    await waitFor(() => (of('sampleBatch') as SampleBatch[]).some((b) => b.measurements.length > 0), 3000, 'a window');
    const before = (of('sampleBatch') as SampleBatch[]).flatMap((b) => b.measurements)[0];
    expect(before.vrmsV / 230).toBeCloseTo(1.023, 3);
    // While connected, the coefficients go through the application's own link, and are stored.
    const r = await call('configureVirtualMeter', { errors: 'calibrated' });
    expect(r).toMatchObject({ ok: true, value: { config: { errors: 'calibrated' } } });
    expect(h.virtualMeter.storedCalibration).toEqual(h.virtualMeter.calibration);
    const since = (of('sampleBatch') as SampleBatch[]).length;
    await waitFor(() => (of('sampleBatch') as SampleBatch[]).slice(since + 8).some((b) => b.measurements.length > 0), 3000, 'a window after');
    const after = (of('sampleBatch') as SampleBatch[]).slice(since + 8).flatMap((b) => b.measurements)[0];
    expect(Math.abs(after.vrmsV / 230 - 1)).toBeLessThan(0.002);
  });

  it('writes the coefficients over a private link when nobody is connected, and tells a calibration’s own apart', async () => {
    const { call, h, of } = setup();
    const calibrated = await call('configureVirtualMeter', { errors: 'calibrated' });
    expect(calibrated).toMatchObject({ ok: true, value: { config: { errors: 'calibrated' } } });
    // 2.3 % of gain error cancelled: 0.8 V per count / 1.023, as float32 on the board.
    expect(h.virtualMeter.storedCalibration.voltageGainVPerCount).toBeCloseTo(0.8 / 1.023, 6);
    expect(h.virtualMeter.storedCalibration.phaseCorrectionDeg).toBeCloseTo(2.5, 5);
    expect(await call('getDeviceStatus', {})).toMatchObject({ state: 'disconnected' }); // the private link is gone
    expect(await call('configureVirtualMeter', { errors: 'ideal' })).toMatchObject({ ok: true, value: { config: { errors: 'ideal' } } });
    expect(h.virtualMeter.storedCalibration.voltageGainVPerCount).toBeCloseTo(0.8, 6);
    // An ideal front end with the design coefficients reads the line right: the meter takes the model's
    // errors live (the host shares its board model object with it).
    await call('connectDevice', { path: 'virtual:meter' });
    await waitFor(() => (of('sampleBatch') as SampleBatch[]).some((b) => b.measurements.length > 0), 3000, 'a window');
    const ideal = (of('sampleBatch') as SampleBatch[]).flatMap((b) => b.measurements)[0];
    expect(Math.abs(ideal.vrmsV / 230 - 1)).toBeLessThan(0.002);
    // Coefficients written by someone else (a calibration): neither design nor ideal.
    await call('configureVirtualMeter', { errors: 'uncalibrated' });
    const written = await h.devices.writeCalibration({ ...h.virtualMeter.calibration, voltageGainVPerCount: 0.79 });
    expect(written.ok).toBe(true);
    expect((await call('getVirtualMeter', {})).config.errors).toBe('custom');
  });

  it('answers a port that does not exist with a clear code and message, and says so in the status', async () => {
    const { call, of } = setup();
    const r = await call('connectDevice', { path: '/dev/ttyMeterplanNope' });
    expect(r).toMatchObject({ ok: false, code: 'not-found' });
    if (!r.ok) expect(r.message).toMatch(/no such port/);
    expect(lastStatus(of('deviceStatus'))).toMatchObject({ state: 'disconnected', lastErrorCode: 'not-found' });
    // A stopped virtual meter is no port either, and the message says how to get it back.
    await call('stopVirtualMeter', {});
    expect((await call('listPorts', {})).ports).toEqual([]);
    const stopped = await call('connectDevice', { path: 'virtual:meter' });
    expect(stopped).toMatchObject({ ok: false, code: 'not-found' });
    if (!stopped.ok) expect(stopped.message).toMatch(/start it/);
  });

  it('says a port held by another program is busy (a real pseudo-terminal, locked by a first opener)', async () => {
    const { call, of } = setup();
    const pair = await socatPair();
    const holder = await openSerialPort(pair.a, 115_200);
    try {
      if (!holder.ok) throw new Error(holder.message);
      const r = await call('connectDevice', { path: pair.a });
      expect(r).toMatchObject({ ok: false, code: 'busy' });
      if (!r.ok) expect(r.message).toMatch(/in use by another program/);
      expect(lastStatus(of('deviceStatus'))).toMatchObject({ state: 'disconnected', lastErrorCode: 'busy' });
    } finally {
      if (holder.ok) await holder.value.close();
      await pair.kill();
    }
  });

  it('tells a board that never answers from one that sends bytes without frames (a wrong baud rate)', async () => {
    const { call } = setup();
    await call('configureVirtualMeter', { fault: 'silent' });
    const silent = await call('connectDevice', { path: 'virtual:meter', handshakeTimeoutMs: 300 });
    expect(silent).toMatchObject({ ok: false, code: 'no-answer' });
    if (!silent.ok) expect(silent.message).toMatch(/nothing came back/);
    await call('configureVirtualMeter', { fault: 'wrong-baud' });
    const garbage = await call('connectDevice', { path: 'virtual:meter', handshakeTimeoutMs: 300 });
    expect(garbage).toMatchObject({ ok: false, code: 'wrong-baud' });
    if (!garbage.ok) expect(garbage.message).toMatch(/bytes came back but no valid frame/);
    const status = await call('getDeviceStatus', {});
    expect(status).toMatchObject({ state: 'disconnected', lastErrorCode: 'wrong-baud' });
  });

  it('sees an unplug as a lost link, and reconnects to the same board when it is back', async () => {
    const { call, of } = setup();
    await call('connectDevice', { path: 'virtual:meter' });
    const unplugged = await call('unplugVirtualMeter', { durationMs: 900 });
    expect(unplugged.ok && unplugged.value.unpluggedUntilMs).toBeGreaterThan(Date.now());
    // (Detection within a second is the device manager's own test, over a real pty.)
    await waitFor(() => lastStatus(of('deviceStatus')).state === 'reconnecting', 3000, 'the loss');
    expect(lastStatus(of('deviceStatus')).message).toMatch(/link lost/);
    await waitFor(() => lastStatus(of('deviceStatus')).state === 'streaming', 4000, 'the reconnect');
    expect(lastStatus(of('deviceStatus')).stats).toMatchObject({ linkLosses: 1, reconnects: 1 });
    expect(lastStatus(of('deviceStatus')).message).toMatch(/reconnected/);
  });
});
