// `npm run bench -- firmware`: the reference firmware in simavr (test/firmware/harness), streamed through
// the device manager for 10 simulated seconds per scenario: accuracy of the app's measurements and of
// the board's METRICS against the synthetic truth, the core's load (share of cycles awake), the deepest
// stack, and how fast the simulation ran on this machine. Flash and RAM come from the build.
import { appAccuracy, boardAccuracy } from '../electron/firmware/accuracy';
import type { AccuracyReport } from '../electron/firmware/accuracy';
import { ManagedBoard } from '../electron/firmware/device-manager-probe';
import { SimBoard, buildFirmwareAndHarness } from '../electron/firmware/sim-board-process';
import type { SimBoardOptions } from '../electron/firmware/sim-board-process';
import { syntheticTruth } from '../electron/firmware/synthetic-truth';
import type { Bench } from './benches';

const SIMULATED_SECONDS = 10;

interface Scenario {
  name: string;
  samplesPerPeriod: 64 | 128;
  board: SimBoardOptions;
}

const INDUCTIVE_DISTORTED: Omit<SimBoardOptions, 'mainsHz'> = {
  frequencyHz: 49.8,
  voltage: { amplitudeV: 1.6, biasV: 2.5, harmonics: [[3, 0.03, 30]] },
  current: { amplitudeV: 1.2, biasV: 2.48, phaseDeg: -37, harmonics: [[3, 0.2, 10], [5, 0.08, 70]] },
  noiseLsb: 0.5,
};

const SCENARIOS: Scenario[] = [
  { name: '50 Hz, 64/period, inductive + harmonics', samplesPerPeriod: 64, board: { mainsHz: 50, ...INDUCTIVE_DISTORTED } },
  { name: '50 Hz, 128/period, inductive + harmonics', samplesPerPeriod: 128, board: { mainsHz: 50, ...INDUCTIVE_DISTORTED } },
  {
    name: '60 Hz, 128/period, capacitive, small current',
    samplesPerPeriod: 128,
    board: { mainsHz: 60, frequencyHz: 60.2, voltage: { amplitudeV: 1.9 }, current: { amplitudeV: 0.1, phaseDeg: 25 }, noiseLsb: 0.5 },
  },
  { name: '50 Hz, 64/period, PF 0.5 (60° lag)', samplesPerPeriod: 64, board: { mainsHz: 50, voltage: { amplitudeV: 1.6 }, current: { amplitudeV: 1.0, phaseDeg: -60 }, noiseLsb: 0.5 } },
];

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const errorColumns = (r: AccuracyReport) => ({
  'Vrms %': fmt(r.vrmsErrorPct),
  'Irms %': fmt(r.irmsErrorPct),
  'P %': fmt(r.activePowerErrorPct),
  'Q %': fmt(r.reactivePowerErrorPct),
  'PF (abs)': fmt(r.powerFactorError, 5),
  'f (Hz)': fmt(r.frequencyErrorHz, 5),
});

async function runScenario(s: Scenario): Promise<{ app: AccuracyReport; board: AccuracyReport; busyPct: number; stackBytes: number; speed: number; lost: number }> {
  const sim = await SimBoard.start(s.board);
  const probe = new ManagedBoard();
  try {
    const connected = await probe.manager.connect({ path: sim.ptyPath, stream: false });
    if (!connected.ok) throw new Error(connected.message);
    const set = await probe.manager.setSamplesPerPeriod(s.samplesPerPeriod);
    if (!set.ok) throw new Error(set.message);
    const rate = set.value.sampleRateHz;
    await probe.manager.startStreaming();
    await sim.command('figures-reset');
    const start = await sim.status();
    const wallStart = Date.now();
    await probe.until(() => probe.samples >= SIMULATED_SECONDS * rate, 300_000, `${SIMULATED_SECONDS} s of samples`);
    const end = await sim.status();
    const truth = syntheticTruth(s.board, connected.value.calibration!);
    return {
      app: appAccuracy(probe.measurements.slice(1), truth),
      board: boardAccuracy(probe.boardMetrics.slice(1), truth),
      busyPct: end.busyPct,
      stackBytes: end.stackBytes,
      speed: (end.simMs - start.simMs) / (Date.now() - wallStart),
      lost: probe.manager.getStatus().stats.lostFrames,
    };
  } finally {
    await probe.dispose();
    await sim.stop();
  }
}

export const firmwareBench: Bench = {
  name: 'firmware',
  async run() {
    console.log(buildFirmwareAndHarness().trim());
    const app: Record<string, unknown>[] = [];
    const board: Record<string, unknown>[] = [];
    const load: Record<string, unknown>[] = [];
    for (const s of SCENARIOS) {
      const r = await runScenario(s);
      app.push({ scenario: s.name, windows: r.app.windows, ...errorColumns(r.app) });
      board.push({ scenario: s.name, windows: r.board.windows, ...errorColumns(r.board) });
      load.push({ scenario: s.name, 'core awake %': fmt(r.busyPct, 1), 'deepest stack (bytes)': r.stackBytes, 'lost frames': r.lost, 'simulated s per wall s': fmt(r.speed, 2) });
    }
    console.log(`\nApp measurements (shared/signal over the sample stream) vs truth, ${SIMULATED_SECONDS} simulated s each:`);
    console.table(app);
    console.log('\nBoard METRICS frames vs truth:');
    console.table(board);
    console.log('\nFirmware load while streaming:');
    console.table(load);
  },
};
