// The Monitor area's renderer side: threshold rules kept in storage (garbage ignored), live alerts that
// need three windows in a row and end with the value or with the stream, and the controller's queries
// (the range from now, the rules' episodes, a failure said once), without a browser.
import { describe, expect, it } from 'vitest';
import type { MeasurementWindowWire, SampleBatch } from '../../../shared/api/device-api';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { MonitorController } from '../../../renderer/src/features/monitor/monitor-controller';
import { trendColumns } from '../../../renderer/src/features/monitor/monitor-charts';
import { LiveAlertTracker, loadRules, ruleId, saveRules } from '../../../renderer/src/features/monitor/threshold-rules';
import { createFakeApi, flush } from '../fake-api';

const w = (activePowerW: number): MeasurementWindowWire => ({
  endSampleIndex: 0,
  durationS: 0.2,
  vrmsV: 230,
  irmsA: activePowerW / 230,
  activePowerW,
  apparentPowerVA: activePowerW,
  reactivePowerVar: 0,
  powerFactor: 1,
  frequencyHz: 50,
  voltageThd: 0,
  currentThd: 0,
  voltageHarmonicsV: [],
  currentHarmonicsA: [],
});

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('threshold rules', () => {
  it('survive a round trip through storage, and garbage in it is ignored', () => {
    const storage = memoryStorage();
    saveRules(storage, [{ metric: 'activePowerW', op: 'above', value: 3000 }]);
    expect(loadRules(storage)).toEqual([{ metric: 'activePowerW', op: 'above', value: 3000, id: 'activePowerW:above:3000' }]);
    storage.setItem('meterplan.monitor.thresholds', '[{"metric":"vrmsV","op":"below","value":207},{"metric":"nope"},3,null]');
    expect(loadRules(storage).map((r) => r.id)).toEqual(['vrmsV:below:207']);
    storage.setItem('meterplan.monitor.thresholds', '{not json');
    expect(loadRules(storage)).toEqual([]);
    expect(loadRules(null)).toEqual([]);
  });

  it('alert after three windows beyond the threshold, follow the worst value, and end when it is back', () => {
    const rule = { metric: 'activePowerW' as const, op: 'above' as const, value: 3000, id: ruleId({ metric: 'activePowerW', op: 'above', value: 3000 }) };
    const t = new LiveAlertTracker();
    expect(t.push([rule], w(3100), 0)).toEqual([]);
    expect(t.push([rule], w(2900), 200)).toEqual([]); // one window back under: the streak starts again
    expect(t.push([rule], w(3100), 400)).toEqual([]);
    expect(t.push([rule], w(3200), 600)).toEqual([]);
    expect(t.push([rule], w(3150), 800)).toEqual([{ rule, extreme: 3150, sinceMs: 800 }]);
    expect(t.push([rule], w(3400), 1000)).toEqual([]); // already alerting: no second toast
    expect(t.alerts).toEqual([{ rule, extreme: 3400, sinceMs: 800 }]);
    t.push([rule], w(1000), 1200);
    expect(t.alerts).toEqual([]);
    t.push([rule], w(5000), 1400);
    t.push([], w(5000), 1600); // the rule was removed
    expect(t.alerts).toEqual([]);
  });
});

describe('MonitorController', () => {
  it('queries the chosen range from now with the rules, and reports a failure', async () => {
    const now = Date.parse('2026-03-03T12:00:00Z');
    const fake = createFakeApi({
      getPowerTrend: async () => ({ ok: true, value: { bucketMinutes: 2, points: [] } }),
      getDailyEnergy: async () => ({ ok: false, code: 'no-project', message: 'Open a project first.' }),
      listMeterSessions: async () => ({ ok: true, value: [] }),
      listCaptures: async () => ({ ok: true, value: [] }),
      getThresholdEpisodes: async () => ({ ok: true, value: [{ start: '2026-03-03T10:00:00.000Z', end: '2026-03-03T10:03:00.000Z', minutes: 3, extreme: 3500 }] }),
    });
    const storage = memoryStorage();
    const alerts: unknown[] = [];
    const batches = new Set<(b: SampleBatch) => void>();
    const m = new MonitorController({ api: fake.api, storage, now: () => now, onAlert: (a) => alerts.push(a), subscribeBatches: (l) => (batches.add(l), () => batches.delete(l)) });
    m.addRule({ metric: 'activePowerW', op: 'above', value: 3000 });
    await flush();
    const trendCall = fake.calls.filter((c) => c.method === 'getPowerTrend').at(-1)!.args;
    expect(trendCall).toEqual({ from: '2026-03-02T12:00:00.000Z', maxPoints: 800 });
    expect(fake.calls.find((c) => c.method === 'getThresholdEpisodes')!.args).toEqual({ from: '2026-03-02T12:00:00.000Z', rule: { metric: 'activePowerW', op: 'above', value: 3000 } });
    expect(m.store.getState()).toMatchObject({ error: 'Open a project first.', episodes: { 'activePowerW:above:3000': [expect.objectContaining({ minutes: 3 })] } });
    expect(storage.items.get('meterplan.monitor.thresholds')).toBe('[{"metric":"activePowerW","op":"above","value":3000}]');
    m.setRange('all');
    m.setSession(4);
    await flush();
    expect(fake.calls.filter((c) => c.method === 'getPowerTrend').at(-1)!.args).toEqual({ sessionId: 4, maxPoints: 800 });

    // Live: three windows above the rule make one alert; the stream stopping ends it.
    const send = (p: number) => {
      const b = { measurements: [w(p)] } as unknown as SampleBatch;
      for (const l of batches) l(b);
    };
    send(3500);
    send(3500);
    send(3600);
    expect(alerts).toHaveLength(1);
    expect(m.store.getState().liveAlerts).toEqual([expect.objectContaining({ extreme: 3600 })]);
    fake.emit('deviceStatus', { state: 'reconnecting', path: 'x', baudRate: null, mode: null, identity: null, calibration: null, sampleRateHz: null, stats: emptyLinkStats(), message: null, lastErrorCode: null });
    expect(m.store.getState().liveAlerts).toEqual([]);
    m.dispose();
  });

  it('breaks the trend line where buckets are missing', () => {
    const p = (t: string, pAvgW: number) => ({ t, minutes: 1, pAvgW, pMinW: pAvgW, pMaxW: pAvgW, vrmsAvgV: 230, irmsAvgA: 1, pfAvg: 1, energyWh: pAvgW / 60 });
    const cols = trendColumns([p('2026-03-03T10:00:00Z', 100), p('2026-03-03T10:01:00Z', 200), p('2026-03-03T10:05:00Z', 300)], 1);
    expect(cols.pAvg).toEqual([100, 200, null, 300]);
    expect(cols.t[2]).toBe(Date.parse('2026-03-03T10:02:00Z') / 1000);
  });
});
