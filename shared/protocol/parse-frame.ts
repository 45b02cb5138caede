// Parser for one protocol v1 frame whose stuffing and CRC have already been checked (see decoder.ts).
// Every length is checked against the fixed layouts in resources/firmware/PROTOCOL.md; anything else is
// "malformed" — a value, never an exception.
import type { BoardIdentity, CalibrationCoefficients, Frame } from './frames';
import { CALIBRATION_BYTES, FrameType, OPCODE_LENGTHS, IDENTITY_BYTES, MAX_BLOCK_PAIRS, METRICS_BYTES, SAMPLES_HEADER_BYTES, TEMPERATURE_BYTES } from './frames';

export type ParseResult = { ok: true; frame: Frame } | { ok: false; reason: string };

const malformed = (reason: string): ParseResult => ({ ok: false, reason });

function hex2(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/** Reads a 22-byte identity body (HELLO frame, getIdentity ACK); null when the length is wrong. */
export function parseIdentityBody(body: Uint8Array): BoardIdentity | null {
  if (body.length !== IDENTITY_BYTES) return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let serial = '';
  for (let k = 4; k < 12; k++) serial += hex2(body[k]);
  return {
    protocolVersion: body[0],
    firmwareVersion: `${body[1]}.${body[2]}.${body[3]}`,
    boardSerial: serial,
    channelCount: body[12],
    samplesPerPeriod: body[13],
    adcBits: body[14],
    nominalFrequencyHz: body[15],
    sampleRateHz: view.getUint32(16, true) / 1000,
    blockPairs: body[20],
    streaming: (body[21] & 1) === 1,
  };
}

/** Reads a 20-byte calibration body; null when the length is wrong. Values may be NaN: check them. */
export function parseCalibrationBody(body: Uint8Array): CalibrationCoefficients | null {
  if (body.length !== CALIBRATION_BYTES) return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  return {
    voltageGainVPerCount: view.getFloat32(0, true),
    voltageOffsetCounts: view.getFloat32(4, true),
    currentGainAPerCount: view.getFloat32(8, true),
    currentOffsetCounts: view.getFloat32(12, true),
    phaseCorrectionDeg: view.getFloat32(16, true),
  };
}

/** Parses `frame[0, length)`: type byte + body, CRC already removed. */
export function parseFrame(frame: Uint8Array, length = frame.length): ParseResult {
  if (length < 1) return malformed('empty frame');
  const bodyLength = length - 1;
  const u16 = (at: number) => frame[at] | (frame[at + 1] << 8);
  switch (frame[0]) {
    case FrameType.hello: {
      const identity = parseIdentityBody(frame.subarray(1, length));
      return identity ? { ok: true, frame: { type: 'hello', identity } } : malformed(`hello body of ${bodyLength} bytes, expected ${IDENTITY_BYTES}`);
    }
    case FrameType.samples: {
      if (bodyLength < SAMPLES_HEADER_BYTES) return malformed('sample block shorter than its header');
      const pairs = frame[3];
      if (pairs < 1 || pairs > MAX_BLOCK_PAIRS) return malformed(`sample block of ${pairs} pairs`);
      if (bodyLength !== SAMPLES_HEADER_BYTES + 4 * pairs) return malformed(`sample block of ${pairs} pairs has ${bodyLength} body bytes`);
      const samples = new Int16Array(2 * pairs);
      // Little-endian int16: assigning the 16-bit pattern to an Int16Array element sign-extends it.
      for (let k = 0, at = 5; k < samples.length; k++, at += 2) samples[k] = frame[at] | (frame[at + 1] << 8);
      return { ok: true, frame: { type: 'samples', block: { sequence: u16(1), flags: frame[4], samples } } };
    }
    case FrameType.metrics: {
      if (bodyLength !== METRICS_BYTES) return malformed(`metrics body of ${bodyLength} bytes, expected ${METRICS_BYTES}`);
      const view = new DataView(frame.buffer, frame.byteOffset, length);
      const f = (k: number) => view.getFloat32(5 + 4 * k, true);
      return {
        ok: true,
        frame: {
          type: 'metrics',
          metrics: {
            sequence: u16(1),
            periodCount: u16(3),
            vrmsV: f(0),
            irmsA: f(1),
            activePowerW: f(2),
            apparentPowerVA: f(3),
            reactivePowerVar: f(4),
            powerFactor: f(5),
            frequencyHz: f(6),
            windowEnergyJ: f(7),
          },
        },
      };
    }
    case FrameType.temperature: {
      if (bodyLength !== TEMPERATURE_BYTES) return malformed(`temperature body of ${bodyLength} bytes, expected ${TEMPERATURE_BYTES}`);
      const raw16thC = (u16(3) << 16) >> 16;
      return { ok: true, frame: { type: 'temperature', reading: { sensorIndex: frame[1], status: frame[2], raw16thC, temperatureC: raw16thC / 16 } } };
    }
    case FrameType.command:
    case FrameType.ack:
    case FrameType.nack: {
      if (bodyLength < 3) return malformed('command/reply shorter than its header');
      const requestId = u16(1);
      const opcode = frame[3];
      // Copy: the decoder reuses its buffer for the next frame.
      const rest = frame.slice(4, length);
      const lengths = OPCODE_LENGTHS[opcode];
      if (frame[0] === FrameType.command) {
        if (lengths && rest.length !== lengths.args) return malformed(`command 0x${hex2(opcode)} with ${rest.length} argument bytes, expected ${lengths.args}`);
        return { ok: true, frame: { type: 'command', command: { requestId, opcode, args: rest } } };
      }
      if (frame[0] === FrameType.ack) {
        if (lengths && rest.length !== lengths.ackPayload) return malformed(`ack of 0x${hex2(opcode)} with ${rest.length} payload bytes, expected ${lengths.ackPayload}`);
        return { ok: true, frame: { type: 'ack', ack: { requestId, opcode, payload: rest } } };
      }
      if (rest.length !== 1) return malformed(`nack body of ${bodyLength} bytes, expected 4`);
      return { ok: true, frame: { type: 'nack', nack: { requestId, opcode, errorCode: rest[0] } } };
    }
    default:
      return malformed(`unknown frame type 0x${hex2(frame[0])}`);
  }
}
