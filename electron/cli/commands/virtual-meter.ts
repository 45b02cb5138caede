// `npm run cli -- virtual-meter --port PATH [--baud B] [--preset 230V-50Hz|120V-60Hz]
//   [--load resistive|inductive|led|motor|none] [--power W] [--pf 0.5] [--serial HEX16]
//   [--samples-per-period 64|128] [--mode binary|text] [--calibrated] [--no-errors] [--noise COUNTS]`
// Runs the built-in virtual meter on a serial path — typically one end of
// `socat -d -d pty,raw,echo=0 pty,raw,echo=0` — until killed, so that the app (or `measure`) can connect
// to the other end as to a real board.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliUsageError } from '../command';
import { VirtualMeter } from '../../services/virtual-meter/virtual-meter';
import { virtualMeterOptions } from '../../services/virtual-meter/virtual-meter-config';
import { runVirtualMeterOnPort } from '../../services/virtual-meter/virtual-meter-ports';

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new CliUsageError(`--${name} must be a number (got "${raw}")`);
  return value;
}

export const virtualMeterCommand: CliCommand = {
  name: 'virtual-meter',
  summary: 'run the simulated acquisition board on a serial path (e.g. a socat pty) until killed',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        baud: { type: 'string' },
        preset: { type: 'string' },
        load: { type: 'string' },
        power: { type: 'string' },
        pf: { type: 'string' },
        serial: { type: 'string' },
        'samples-per-period': { type: 'string' },
        mode: { type: 'string' },
        calibrated: { type: 'boolean' },
        'no-errors': { type: 'boolean' },
        noise: { type: 'string' },
      },
      strict: true,
    });
    if (!values.port) throw new CliUsageError('--port PATH is required (one end of a serial link, e.g. a socat pty)');
    const baud = number('baud', values.baud) ?? 1_000_000;
    if (!Number.isInteger(baud) || baud <= 0) throw new CliUsageError(`--baud must be a positive integer (got "${values.baud}")`);
    const options = virtualMeterOptions({
      preset: values.preset,
      load: values.load,
      power: number('power', values.power),
      powerFactor: number('pf', values.pf),
      serial: values.serial,
      samplesPerPeriod: number('samples-per-period', values['samples-per-period']),
      mode: values.mode,
      calibrated: values.calibrated,
      noErrors: values['no-errors'],
      noiseCounts: number('noise', values.noise),
    });
    if (!options.ok) throw new CliUsageError(options.message);
    const meter = new VirtualMeter(options.value);
    const running = await runVirtualMeterOnPort(meter, values.port, baud);
    if (!running.ok) {
      console.error(`meterplan: ${running.message}`);
      return 1;
    }
    const id = meter.identity;
    const truth = meter.truth();
    console.log(
      `virtual meter ${id.boardSerial} on ${values.port} (${meter.mode}, ${id.samplesPerPeriod} samples/period, ${id.sampleRateHz} Hz): ` +
        `${truth.vrmsV.toFixed(1)} V, ${truth.irmsA.toFixed(3)} A, ${truth.activePowerW.toFixed(1)} W, PF ${truth.powerFactor.toFixed(3)}, ${truth.frequencyHz} Hz`,
    );
    return new Promise<number>((resolve) => {
      const stop = () => {
        void running.value.stop().then(() => resolve(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      running.value.link.onClose((closed) => {
        if (closed.reason !== 'local') {
          console.error(`meterplan: the serial link closed (${closed.message})`);
          meter.detach();
          resolve(1);
        }
      });
    });
  },
};
