// Protocol v1 between the acquisition board and the host: frame types, command opcodes, error codes and
// the decoded shape of every frame. The byte layouts are in resources/firmware/PROTOCOL.md; the encoder
// (encode-frame.ts) and the parser (parse-frame.ts) are the executable form of that document.

export const PROTOCOL_VERSION = 1;

/** Largest frame before COBS stuffing (type + body + CRC), so that stuffing adds exactly one byte. */
export const MAX_FRAME_BYTES = 254;
/** Largest frame on the wire, stuffed, without its 0x00 delimiter. */
export const MAX_ENCODED_FRAME_BYTES = 256;
/** Most sample pairs in one block: (254 − 1 type − 4 header − 2 CRC) / 4 bytes per pair. */
export const MAX_BLOCK_PAIRS = 61;

/** Fixed body sizes (bytes after the type byte, before the CRC). */
export const IDENTITY_BYTES = 22;
export const CALIBRATION_BYTES = 20;
export const METRICS_BYTES = 36;
export const TEMPERATURE_BYTES = 4;
export const SAMPLES_HEADER_BYTES = 4;

export const FrameType = {
  hello: 0x01,
  samples: 0x10,
  metrics: 0x11,
  temperature: 0x12,
  command: 0x20,
  ack: 0x21,
  nack: 0x22,
} as const;
export type FrameTypeCode = (typeof FrameType)[keyof typeof FrameType];

export const Opcode = {
  ping: 0x00,
  getIdentity: 0x01,
  startStreaming: 0x02,
  stopStreaming: 0x03,
  setSamplesPerPeriod: 0x04,
  readCalibration: 0x05,
  writeCalibration: 0x06,
  storeCalibration: 0x07,
  reset: 0x08,
  identify: 0x09,
} as const;
export type OpcodeName = keyof typeof Opcode;
export type OpcodeCode = (typeof Opcode)[OpcodeName];

/**
 * Exact argument and ACK-payload lengths of every known opcode. Checking them is what catches two frames
 * merged by a lost delimiter: with CRC-16/XMODEM's zero init, such a merge can pass the CRC (always when
 * the first frame's CRC bytes are equal), but it never has the right length.
 */
export const OPCODE_LENGTHS: Readonly<Record<number, { args: number; ackPayload: number }>> = {
  [Opcode.ping]: { args: 0, ackPayload: 0 },
  [Opcode.getIdentity]: { args: 0, ackPayload: IDENTITY_BYTES },
  [Opcode.startStreaming]: { args: 0, ackPayload: 0 },
  [Opcode.stopStreaming]: { args: 0, ackPayload: 0 },
  [Opcode.setSamplesPerPeriod]: { args: 1, ackPayload: 0 },
  [Opcode.readCalibration]: { args: 0, ackPayload: CALIBRATION_BYTES },
  [Opcode.writeCalibration]: { args: CALIBRATION_BYTES, ackPayload: 0 },
  [Opcode.storeCalibration]: { args: 0, ackPayload: 0 },
  [Opcode.reset]: { args: 0, ackPayload: 0 },
  [Opcode.identify]: { args: 1, ackPayload: 0 },
};

export const NackCode = {
  unknownOpcode: 0x01,
  badLength: 0x02,
  outOfRange: 0x03,
  busy: 0x04,
  eepromFailure: 0x05,
  badCrc: 0x06,
} as const;
export type NackCodeName = keyof typeof NackCode;

export function opcodeName(code: number): OpcodeName | undefined {
  return (Object.keys(Opcode) as OpcodeName[]).find((k) => Opcode[k] === code);
}
export function nackCodeName(code: number): NackCodeName | undefined {
  return (Object.keys(NackCode) as NackCodeName[]).find((k) => NackCode[k] === code);
}

/** Who the board is and how it samples (HELLO frame, and the payload of the getIdentity ACK). */
export interface BoardIdentity {
  protocolVersion: number;
  firmwareVersion: string; // "major.minor.patch"
  /** 8 bytes as 16 upper-case hex digits (e.g. the DS18B20's ROM code, or a number kept in EEPROM). */
  boardSerial: string;
  channelCount: number;
  samplesPerPeriod: number; // 64 or 128
  adcBits: number;
  nominalFrequencyHz: number; // 50 or 60
  /** Actual sampling rate from the board's timer (16 MHz / divider is not always exact). */
  sampleRateHz: number;
  blockPairs: number;
  streaming: boolean;
}

/**
 * Coefficients from raw ADC counts to physical units: value = gain × (counts − offset); the current is
 * then delayed by phaseCorrectionDeg (of the nominal mains period) relative to the voltage.
 */
export interface CalibrationCoefficients {
  voltageGainVPerCount: number;
  voltageOffsetCounts: number;
  currentGainAPerCount: number;
  currentOffsetCounts: number;
  phaseCorrectionDeg: number;
}

/** One block of interleaved raw samples: voltage, current, voltage, current, ... */
export interface SampleBlock {
  sequence: number; // u16, wraps
  /** Bit 0: the board's ADC overran (samples were dropped on the board before this block). */
  flags: number;
  /** Interleaved raw counts, length 2 × pairs. */
  samples: Int16Array;
}
export const SAMPLE_FLAG_ADC_OVERRUN = 0x01;

/** Board-computed metrics over `periodCount` mains periods. */
export interface BoardMetrics {
  sequence: number; // u16, wraps
  periodCount: number;
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  apparentPowerVA: number;
  reactivePowerVar: number;
  powerFactor: number;
  frequencyHz: number;
  /** Active energy of this window only; the host accumulates. */
  windowEnergyJ: number;
}

export const TemperatureStatus = { ok: 0, sensorMissing: 1, crcError: 2 } as const;

export interface TemperatureReading {
  sensorIndex: number;
  status: number; // TemperatureStatus
  /** DS18B20 raw reading in 1/16 °C, as the sensor's scratchpad holds it. */
  raw16thC: number;
  temperatureC: number;
}

export interface CommandFrame {
  requestId: number; // u16
  opcode: number;
  /** Opcode-specific arguments (see PROTOCOL.md). */
  args: Uint8Array;
}

export interface AckFrame {
  requestId: number;
  opcode: number;
  payload: Uint8Array;
}

export interface NackFrame {
  requestId: number;
  opcode: number;
  errorCode: number;
}

export type Frame =
  | { type: 'hello'; identity: BoardIdentity }
  | { type: 'samples'; block: SampleBlock }
  | { type: 'metrics'; metrics: BoardMetrics }
  | { type: 'temperature'; reading: TemperatureReading }
  | { type: 'command'; command: CommandFrame }
  | { type: 'ack'; ack: AckFrame }
  | { type: 'nack'; nack: NackFrame };
