// `npm run bench -- decoder`: protocol v1 decoder throughput (MB/s of wire bytes) on a full-rate stream
// (32-pair sample blocks, metrics, temperature — what a board sends), on the same stream with 1 % of its
// frames damaged, and on pure noise; then the host's whole receive chain (decode + calibrate + measure)
// in samples per second, against the 7,680 pairs/s of the highest rate (128 × 60 Hz).
import { FrameDecoder } from '../../shared/protocol/decoder';
import { encodeMetricsFrame, encodeSamplesFrame, encodeTemperatureFrame } from '../../shared/protocol/encode-frame';
import type { Frame } from '../../shared/protocol/frames';
import { defaultBoardModel, idealCalibration, sampleBoard } from '../../shared/signal/adc-model';
import { SampleCalibrator } from '../../shared/signal/fractional-delay';
import { MeasurementStream } from '../../shared/signal/measurement-stream';
import { MAINS_PRESETS } from '../../shared/signal/waveform';
import type { Bench } from './benches';

const PAIRS = 32;

/** `seconds` of a 128 × 50 Hz board stream, as one buffer of wire bytes. */
function boardStream(seconds: number): Uint8Array {
  const scenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'inductive' as const, apparentPowerVA: 2300, powerFactor: 0.8 } };
  const model = defaultBoardModel();
  const parts: Uint8Array[] = [];
  const blocks = seconds * 200;
  for (let b = 0; b < blocks; b++) {
    parts.push(encodeSamplesFrame({ sequence: b & 0xffff, flags: 0, samples: sampleBoard(scenario, model, 6400, b * PAIRS, PAIRS) }));
    if (b % 40 === 39) {
      parts.push(encodeMetricsFrame({ sequence: (b / 40) & 0xffff, periodCount: 10, vrmsV: 230, irmsA: 10, activePowerW: 1840, apparentPowerVA: 2300, reactivePowerVar: 1380, powerFactor: 0.8, frequencyHz: 50, windowEnergyJ: 368 }));
    }
    if (b % 200 === 199) parts.push(encodeTemperatureFrame({ sensorIndex: 0, status: 0, raw16thC: 392 }));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Best of `runs` timings of `fn`, in ms. */
function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function decodeAll(bytes: Uint8Array, chunk: number, onFrame: (f: Frame) => void = () => undefined): FrameDecoder {
  const decoder = new FrameDecoder(onFrame, { synchronised: true });
  for (let k = 0; k < bytes.length; k += chunk) decoder.push(bytes.subarray(k, k + chunk));
  return decoder;
}

export const decoderBench: Bench = {
  name: 'decoder',
  async run() {
    const seconds = 300;
    const clean = boardStream(seconds);
    const damaged = clean.slice();
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (let k = 0; k < (seconds * 200) / 100; k++) damaged[rnd() % damaged.length] ^= 1 + (rnd() % 255);
    const noise = new Uint8Array(clean.length);
    for (let k = 0; k < noise.length; k++) noise[k] = rnd() >>> 24;

    const rows: Record<string, string | number>[] = [];
    const row = (input: string, bytes: Uint8Array, chunk: number) => {
      let decoder: FrameDecoder | null = null;
      const ms = bestOf(7, () => (decoder = decodeAll(bytes, chunk)));
      const s = (decoder as FrameDecoder | null)?.stats;
      rows.push({
        input,
        'chunk B': chunk,
        MB: +(bytes.length / 1e6).toFixed(2),
        'MB/s': +(bytes.length / 1e6 / (ms / 1000)).toFixed(1),
        'x 1 Mbaud': Math.round(bytes.length / (ms / 1000) / 100_000),
        frames: s?.framesDecoded ?? 0,
        'crc+malformed': (s?.crcErrors ?? 0) + (s?.malformedFrames ?? 0),
      });
    };
    row(`board stream, ${seconds} s at 128 × 50 Hz`, clean, 4096);
    row('same, 64-byte reads', clean, 64);
    row('same, 1 % of frames damaged', damaged, 4096);
    row('random bytes', noise, 4096);
    console.table(rows);

    // The whole receive chain of the device manager, without the port: decode, counts → V/A with phase
    // correction, 200 ms measurement windows with harmonics.
    const model = defaultBoardModel();
    let pairs = 0;
    const chainMs = bestOf(3, () => {
      const calibrator = new SampleCalibrator(idealCalibration(model), 6400, 50);
      const stream = new MeasurementStream({ sampleRateHz: 6400, nominalFrequencyHz: 50 });
      pairs = 0;
      decodeAll(clean, 4096, (f) => {
        if (f.type !== 'samples') return;
        const { voltageV, currentA } = calibrator.push(f.block.samples);
        pairs += voltageV.length;
        stream.push(voltageV, currentA);
      });
    });
    const pairsPerS = pairs / (chainMs / 1000);
    console.table([
      {
        chain: 'decode + calibrate + measure',
        'pairs/s': Math.round(pairsPerS),
        'x real time (128 × 60 Hz)': +(pairsPerS / 7680).toFixed(0),
        'CPU share at full rate %': +((7680 / pairsPerS) * 100).toFixed(2),
      },
    ]);
  },
};
