// How a capture's samples are stored in the project (captures.samples, format 'i16le-interleaved-scaled'):
// voltage and current interleaved as little-endian int16, each channel with its own scale (value =
// int16 × scale, listed in channels_json), and −32768 marking a sample lost on the link. 4 bytes a pair,
// half of float32, with a resolution of 1/32767 of the channel's peak — finer than any 10–16-bit
// board's ADC count, so storing loses nothing the board measured.
export const CAPTURE_FORMAT = 'i16le-interleaved-scaled';
const MISSING = -32768;
const FULL_SCALE = 32767;

export interface ChannelInfo {
  name: 'voltage' | 'current';
  unit: 'V' | 'A';
  /** Volts or amperes per stored count. */
  scale: number;
}

export interface EncodedSamples {
  channels: ChannelInfo[];
  bytes: Uint8Array;
  sampleCount: number;
}

function scaleFor(values: readonly (number | null)[]): number {
  let peak = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
  return peak > 0 ? peak / FULL_SCALE : 1;
}

export function encodeSamples(voltageV: readonly (number | null)[], currentA: readonly (number | null)[]): EncodedSamples {
  if (voltageV.length !== currentA.length) throw new Error(`voltage and current must have as many samples (${voltageV.length} ≠ ${currentA.length})`);
  const channels: ChannelInfo[] = [
    { name: 'voltage', unit: 'V', scale: scaleFor(voltageV) },
    { name: 'current', unit: 'A', scale: scaleFor(currentA) },
  ];
  const n = voltageV.length;
  const bytes = new Uint8Array(4 * n);
  const view = new DataView(bytes.buffer);
  const put = (at: number, v: number | null, scale: number) => {
    const q = v === null || !Number.isFinite(v) ? MISSING : Math.max(-FULL_SCALE, Math.min(FULL_SCALE, Math.round(v / scale)));
    view.setInt16(at, q, true);
  };
  for (let k = 0; k < n; k++) {
    put(4 * k, voltageV[k], channels[0].scale);
    put(4 * k + 2, currentA[k], channels[1].scale);
  }
  return { channels, bytes, sampleCount: n };
}

export type DecodeResult = { ok: true; voltageV: (number | null)[]; currentA: (number | null)[] } | { ok: false; message: string };

/** Reads a stored capture back; a blob that does not match its description is a clear failure, not garbage. */
export function decodeSamples(format: string, channelsJson: string, sampleCount: number, bytes: Uint8Array): DecodeResult {
  if (format !== CAPTURE_FORMAT) return { ok: false, message: `samples stored as "${format}", which this version does not read` };
  let channels: ChannelInfo[];
  try {
    channels = JSON.parse(channelsJson) as ChannelInfo[];
  } catch {
    return { ok: false, message: 'the channel description is not valid JSON' };
  }
  if (!Array.isArray(channels) || channels.length !== 2 || !channels.every((c) => typeof c?.scale === 'number' && c.scale > 0 && Number.isFinite(c.scale))) {
    return { ok: false, message: 'the channel description does not give two channels with a positive scale' };
  }
  if (bytes.byteLength !== 4 * sampleCount) return { ok: false, message: `the samples hold ${bytes.byteLength} bytes where ${sampleCount} pairs need ${4 * sampleCount}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const voltageV: (number | null)[] = new Array(sampleCount);
  const currentA: (number | null)[] = new Array(sampleCount);
  const [vs, is] = [channels[0].scale, channels[1].scale];
  for (let k = 0; k < sampleCount; k++) {
    const v = view.getInt16(4 * k, true);
    const i = view.getInt16(4 * k + 2, true);
    voltageV[k] = v === MISSING ? null : v * vs;
    currentA[k] = i === MISSING ? null : i * is;
  }
  return { ok: true, voltageV, currentA };
}
