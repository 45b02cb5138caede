// `npm run cli -- measure --port PATH [--baud B] [--seconds S] [--mode binary|text] [--json OUT]
//   [--sample-rate HZ] [--handshake-ms MS]`
// Connects to a board (or anything printing plotter lines, in text mode), streams for S seconds and
// reports the measurements — Vrms, Irms, P, Q, S, PF, frequency, THD of each channel, temperature — and
// the link statistics, for headless logging and for checking a board on the bench. --json - prints the
// JSON to stdout. Exit code 1 when the board cannot be reached or nothing could be measured.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliUsageError } from '../command';
import { DeviceManager } from '../../services/device/device-manager';
import type { DeviceBatch, LinkMode } from '../../../shared/protocol/device-types';
import type { BoardMetrics, TemperatureReading } from '../../../shared/protocol/frames';
import { MetricsAccumulator } from '../../../shared/signal/measurement-summary';

function positive(name: string, raw: string | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new CliUsageError(`--${name} must be a positive number (got "${raw}")`);
  return value;
}

const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export const measureCommand: CliCommand = {
  name: 'measure',
  summary: 'connect to a board, stream for a few seconds, print or save the measurements and link statistics',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        baud: { type: 'string' },
        seconds: { type: 'string' },
        mode: { type: 'string' },
        json: { type: 'string' },
        'sample-rate': { type: 'string' },
        'handshake-ms': { type: 'string' },
      },
      strict: true,
    });
    if (!values.port) throw new CliUsageError('--port PATH is required (a listed port or a path typed by hand, e.g. /dev/ttyUSB0)');
    const baudRate = positive('baud', values.baud, 1_000_000) as number;
    if (!Number.isInteger(baudRate)) throw new CliUsageError(`--baud must be an integer (got "${values.baud}")`);
    const seconds = positive('seconds', values.seconds, 5) as number;
    const mode = (values.mode ?? 'binary') as LinkMode;
    if (mode !== 'binary' && mode !== 'text') throw new CliUsageError(`--mode must be binary or text (got "${values.mode}")`);
    const textSampleRateHz = positive('sample-rate', values['sample-rate']);
    const handshakeTimeoutMs = positive('handshake-ms', values['handshake-ms']);

    const manager = new DeviceManager();
    const host = new MetricsAccumulator();
    const board = new MetricsAccumulator();
    const temperatures: TemperatureReading[] = [];
    let energyWh = 0;
    const onBatch = (b: DeviceBatch) => {
      for (const w of b.measurements) host.add(w);
      for (const m of b.boardMetrics) board.add(boardWindow(m, b.sampleRateHz));
      temperatures.push(...b.temperatures.filter((t) => t.status === 0));
      energyWh = b.activeEnergyWh;
    };
    manager.onBatch(onBatch);
    const connected = await manager.connect({ path: values.port, baudRate, mode, autoReconnect: false, textSampleRateHz, handshakeTimeoutMs });
    if (!connected.ok) {
      console.error(`meterplan: ${connected.message}`);
      await manager.dispose();
      return 1;
    }
    const warnings: string[] = [];
    let unsubscribe = () => {};
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, seconds * 1000);
      unsubscribe = manager.onStatus((s) => {
        if (s.state === 'disconnected') {
          warnings.push(s.message ?? 'the link was lost');
          clearTimeout(timer);
          resolve();
        }
      });
    });
    unsubscribe();
    const status = manager.getStatus();
    await manager.dispose();

    const h = host.summary();
    const b = board.summary();
    const stats = status.stats;
    const report = {
      port: values.port,
      baudRate,
      mode,
      requestedSeconds: seconds,
      measuredSeconds: round(h.durationS, 3),
      board: status.identity,
      calibration: status.calibration,
      sampleRateHz: status.sampleRateHz,
      measurements: {
        windows: h.windows,
        vrmsV: round(h.vrmsV, 3),
        irmsA: round(h.irmsA, 4),
        activePowerW: round(h.activePowerW, 2),
        reactivePowerVar: round(h.reactivePowerVar, 2),
        apparentPowerVA: round(h.apparentPowerVA, 2),
        powerFactor: round(h.powerFactor, 4),
        frequencyHz: round(h.frequencyHz, 4),
        activeEnergyWh: round(energyWh, 5),
      },
      channels: {
        voltage: { rmsV: round(h.vrmsV, 3), thdPercent: round(h.voltageThd * 100, 2), rangeV: h.vrmsRangeV.map((x) => round(x, 3)) },
        current: { rmsA: round(h.irmsA, 4), thdPercent: round(h.currentThd * 100, 2), rangeA: h.irmsRangeA.map((x) => round(x, 4)) },
      },
      boardMetrics:
        b.windows > 0
          ? { windows: b.windows, vrmsV: round(b.vrmsV, 3), irmsA: round(b.irmsA, 4), activePowerW: round(b.activePowerW, 2), reactivePowerVar: round(b.reactivePowerVar, 2), powerFactor: round(b.powerFactor, 4), frequencyHz: round(b.frequencyHz, 4) }
          : null,
      temperatureC: temperatures.length ? round(temperatures[temperatures.length - 1].temperatureC, 2) : null,
      link: {
        bytesReceived: stats.bytesReceived,
        framesDecoded: stats.framesDecoded,
        crcErrors: stats.crcErrors,
        malformedFrames: stats.malformedFrames,
        lostFrames: stats.lostFrames,
        bytesDiscarded: stats.bytesDiscarded,
        resyncs: stats.resyncs,
        linesDecoded: stats.linesDecoded,
        malformedLines: stats.malformedLines,
        samplesReceived: stats.samplesReceived,
        linkLosses: stats.linkLosses,
      },
      warnings,
    };
    const json = JSON.stringify(report, null, 2);
    if (values.json === '-') console.log(json);
    else {
      if (values.json) writeFileSync(values.json, `${json}\n`);
      const m = report.measurements;
      console.log(
        `${m.vrmsV} V  ${m.irmsA} A  P ${m.activePowerW} W  Q ${m.reactivePowerVar} var  S ${m.apparentPowerVA} VA  PF ${m.powerFactor}  ${m.frequencyHz} Hz  ` +
          `THD V ${report.channels.voltage.thdPercent} % I ${report.channels.current.thdPercent} %` +
          (report.temperatureC !== null ? `  ${report.temperatureC} °C` : '') +
          `\nlink: ${stats.framesDecoded} frames, ${stats.crcErrors} CRC errors, ${stats.lostFrames} lost, ${stats.linesDecoded} lines` +
          (values.json ? `\nwritten to ${values.json}` : ''),
      );
    }
    for (const w of warnings) console.error(`meterplan: ${w}`);
    return h.windows > 0 ? 0 : 1;
  },
};

/** A board metrics frame as a summary window (its duration from the period count). */
function boardWindow(m: BoardMetrics, sampleRateHz: number) {
  const f = m.frequencyHz > 0 ? m.frequencyHz : sampleRateHz / 128;
  return { durationS: m.periodCount / f, vrmsV: m.vrmsV, irmsA: m.irmsA, activePowerW: m.activePowerW, reactivePowerVar: m.reactivePowerVar, frequencyHz: m.frequencyHz, voltageThd: Number.NaN, currentThd: Number.NaN };
}
