// Encoder for every protocol v1 frame: body → [type][body][CRC-16/XMODEM LE] → COBS → 0x00 delimiter.
// Used by the host for commands, and by the virtual meter and the tests for everything else.
import { cobsEncodeInto, cobsMaxEncodedLength } from './cobs';
import { crc16Xmodem } from './crc16';
import type { BoardIdentity, BoardMetrics, CalibrationCoefficients, Frame, SampleBlock, TemperatureReading } from './frames';
import { CALIBRATION_BYTES, FrameType, IDENTITY_BYTES, MAX_BLOCK_PAIRS, MAX_FRAME_BYTES, METRICS_BYTES, SAMPLES_HEADER_BYTES, TEMPERATURE_BYTES } from './frames';

/** Stuffs an unstuffed frame (type + body, CRC not yet appended) for the wire. */
export function sealFrame(unsealed: Uint8Array): Uint8Array {
  const withCrc = new Uint8Array(unsealed.length + 2);
  withCrc.set(unsealed);
  const crc = crc16Xmodem(unsealed);
  withCrc[unsealed.length] = crc & 0xff;
  withCrc[unsealed.length + 1] = crc >>> 8;
  const out = new Uint8Array(cobsMaxEncodedLength(withCrc.length) + 1);
  const end = cobsEncodeInto(withCrc, out, 0);
  out[end] = 0;
  return out.subarray(0, end + 1);
}

function frameBuffer(type: number, bodyBytes: number): { bytes: Uint8Array; view: DataView } {
  if (1 + bodyBytes + 2 > MAX_FRAME_BYTES) throw new RangeError(`frame of ${bodyBytes} body bytes exceeds ${MAX_FRAME_BYTES} bytes`);
  const bytes = new Uint8Array(1 + bodyBytes);
  bytes[0] = type;
  return { bytes, view: new DataView(bytes.buffer) };
}

function hexToSerialBytes(serial: string): Uint8Array {
  const out = new Uint8Array(8);
  const clean = serial.replace(/[^0-9a-fA-F]/g, '').padStart(16, '0').slice(-16);
  for (let k = 0; k < 8; k++) out[k] = parseInt(clean.slice(2 * k, 2 * k + 2), 16);
  return out;
}

/** Identity body (22 bytes): shared by the HELLO frame and the getIdentity ACK payload. */
export function encodeIdentityBody(id: BoardIdentity): Uint8Array {
  const body = new Uint8Array(IDENTITY_BYTES);
  const view = new DataView(body.buffer);
  const [major = 0, minor = 0, patch = 0] = id.firmwareVersion.split('.').map((s) => Number.parseInt(s, 10) || 0);
  body[0] = id.protocolVersion;
  body[1] = major;
  body[2] = minor;
  body[3] = patch;
  body.set(hexToSerialBytes(id.boardSerial), 4);
  body[12] = id.channelCount;
  body[13] = id.samplesPerPeriod;
  body[14] = id.adcBits;
  body[15] = id.nominalFrequencyHz;
  view.setUint32(16, Math.round(id.sampleRateHz * 1000), true);
  body[20] = id.blockPairs;
  body[21] = id.streaming ? 1 : 0;
  return body;
}

/** Calibration body (20 bytes, five float32 LE): writeCalibration args and readCalibration ACK payload. */
export function encodeCalibrationBody(c: CalibrationCoefficients): Uint8Array {
  const body = new Uint8Array(CALIBRATION_BYTES);
  const view = new DataView(body.buffer);
  view.setFloat32(0, c.voltageGainVPerCount, true);
  view.setFloat32(4, c.voltageOffsetCounts, true);
  view.setFloat32(8, c.currentGainAPerCount, true);
  view.setFloat32(12, c.currentOffsetCounts, true);
  view.setFloat32(16, c.phaseCorrectionDeg, true);
  return body;
}

function withBody(type: number, body: Uint8Array): Uint8Array {
  const { bytes } = frameBuffer(type, body.length);
  bytes.set(body, 1);
  return sealFrame(bytes);
}

export function encodeSamplesFrame(block: SampleBlock): Uint8Array {
  const pairs = block.samples.length >> 1;
  if (pairs < 1 || pairs > MAX_BLOCK_PAIRS || block.samples.length % 2 !== 0) throw new RangeError(`a sample block holds 1..${MAX_BLOCK_PAIRS} pairs, got ${block.samples.length / 2}`);
  const { bytes, view } = frameBuffer(FrameType.samples, SAMPLES_HEADER_BYTES + 4 * pairs);
  view.setUint16(1, block.sequence & 0xffff, true);
  bytes[3] = pairs;
  bytes[4] = block.flags & 0xff;
  for (let k = 0; k < block.samples.length; k++) view.setInt16(5 + 2 * k, block.samples[k], true);
  return sealFrame(bytes);
}

export function encodeMetricsFrame(m: BoardMetrics): Uint8Array {
  const { bytes, view } = frameBuffer(FrameType.metrics, METRICS_BYTES);
  view.setUint16(1, m.sequence & 0xffff, true);
  view.setUint16(3, m.periodCount, true);
  const values = [m.vrmsV, m.irmsA, m.activePowerW, m.apparentPowerVA, m.reactivePowerVar, m.powerFactor, m.frequencyHz, m.windowEnergyJ];
  values.forEach((v, k) => view.setFloat32(5 + 4 * k, v, true));
  return sealFrame(bytes);
}

export function encodeTemperatureFrame(t: Pick<TemperatureReading, 'sensorIndex' | 'status' | 'raw16thC'>): Uint8Array {
  const { bytes, view } = frameBuffer(FrameType.temperature, TEMPERATURE_BYTES);
  bytes[1] = t.sensorIndex;
  bytes[2] = t.status;
  view.setInt16(3, t.raw16thC, true);
  return sealFrame(bytes);
}

function replyFrame(type: number, requestId: number, opcode: number, rest: Uint8Array): Uint8Array {
  const { bytes, view } = frameBuffer(type, 3 + rest.length);
  view.setUint16(1, requestId & 0xffff, true);
  bytes[3] = opcode;
  bytes.set(rest, 4);
  return sealFrame(bytes);
}

export function encodeCommandFrame(requestId: number, opcode: number, args: Uint8Array = new Uint8Array(0)): Uint8Array {
  return replyFrame(FrameType.command, requestId, opcode, args);
}

export function encodeAckFrame(requestId: number, opcode: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return replyFrame(FrameType.ack, requestId, opcode, payload);
}

export function encodeNackFrame(requestId: number, opcode: number, errorCode: number): Uint8Array {
  return replyFrame(FrameType.nack, requestId, opcode, Uint8Array.of(errorCode));
}

export function encodeHelloFrame(id: BoardIdentity): Uint8Array {
  return withBody(FrameType.hello, encodeIdentityBody(id));
}

/** Encodes any frame (the inverse of parseFrame). */
export function encodeFrame(frame: Frame): Uint8Array {
  switch (frame.type) {
    case 'hello':
      return encodeHelloFrame(frame.identity);
    case 'samples':
      return encodeSamplesFrame(frame.block);
    case 'metrics':
      return encodeMetricsFrame(frame.metrics);
    case 'temperature':
      return encodeTemperatureFrame(frame.reading);
    case 'command':
      return encodeCommandFrame(frame.command.requestId, frame.command.opcode, frame.command.args);
    case 'ack':
      return encodeAckFrame(frame.ack.requestId, frame.ack.opcode, frame.ack.payload);
    case 'nack':
      return encodeNackFrame(frame.nack.requestId, frame.nack.opcode, frame.nack.errorCode);
  }
}
