// Example frames of every type, shared by the protocol tests and the decoder benchmark.
import type { BoardIdentity, CalibrationCoefficients, Frame } from '../../../shared/protocol/frames';
import { NackCode, Opcode } from '../../../shared/protocol/frames';
import { encodeCalibrationBody } from '../../../shared/protocol/encode-frame';

export const exampleIdentity: BoardIdentity = {
  protocolVersion: 1,
  firmwareVersion: '1.2.3',
  boardSerial: '28FF4C1A93160402',
  channelCount: 2,
  samplesPerPeriod: 128,
  adcBits: 10,
  nominalFrequencyHz: 50,
  sampleRateHz: 6400,
  blockPairs: 32,
  streaming: true,
};

export const exampleCalibration: CalibrationCoefficients = {
  voltageGainVPerCount: 0.8125,
  voltageOffsetCounts: 511.5,
  currentGainAPerCount: 0.296875,
  currentOffsetCounts: 512.25,
  phaseCorrectionDeg: -1.5,
};

/** A sample block of `pairs` pairs whose values depend on `sequence` (so that blocks differ). */
export function exampleSamples(sequence: number, pairs = 32): Frame {
  const samples = new Int16Array(2 * pairs);
  for (let k = 0; k < pairs; k++) {
    samples[2 * k] = 512 + Math.round(400 * Math.sin((2 * Math.PI * (sequence * pairs + k)) / 128));
    samples[2 * k + 1] = 512 + Math.round(-300 * Math.cos((2 * Math.PI * (sequence * pairs + k)) / 128));
  }
  return { type: 'samples', block: { sequence: sequence & 0xffff, flags: 0, samples } };
}

export function exampleFrames(): Frame[] {
  return [
    { type: 'hello', identity: exampleIdentity },
    exampleSamples(0),
    exampleSamples(1, 61),
    { type: 'samples', block: { sequence: 65535, flags: 1, samples: Int16Array.of(-32768, 32767) } },
    {
      type: 'metrics',
      metrics: { sequence: 9, periodCount: 10, vrmsV: 230.5, irmsA: 4.25, activePowerW: 880, apparentPowerVA: 979.625, reactivePowerVar: 430.5, powerFactor: 0.875, frequencyHz: 50.0625, windowEnergyJ: 176 },
    },
    { type: 'temperature', reading: { sensorIndex: 0, status: 0, raw16thC: 371, temperatureC: 371 / 16 } },
    { type: 'temperature', reading: { sensorIndex: 1, status: 0, raw16thC: -168, temperatureC: -10.5 } },
    { type: 'command', command: { requestId: 513, opcode: Opcode.startStreaming, args: new Uint8Array(0) } },
    { type: 'command', command: { requestId: 514, opcode: Opcode.writeCalibration, args: encodeCalibrationBody(exampleCalibration) } },
    { type: 'ack', ack: { requestId: 514, opcode: Opcode.writeCalibration, payload: new Uint8Array(0) } },
    { type: 'ack', ack: { requestId: 0xffff, opcode: Opcode.readCalibration, payload: encodeCalibrationBody(exampleCalibration) } },
    { type: 'nack', nack: { requestId: 7, opcode: Opcode.setSamplesPerPeriod, errorCode: NackCode.outOfRange } },
  ];
}
