// The metering bench across the process boundary (DESIGN.md §4.1, §4.3, §4.5): the board link (ports,
// connect, status, streaming), the built-in virtual meter, the sample stream for the scope, captures and
// recording sessions in the project, and the Monitor area's queries over the one-minute aggregates.
//
// Wire conventions (both transports carry exactly this; the renderer validates every event):
// - A number that has no value (a lost sample, the frequency of a window without voltage, a power
//   factor with no current) is `null`, never NaN: JSON has no NaN, and Electron's structured clone
//   would keep one, so the back end converts before sending.
// - Sample batches carry plain number arrays rounded to 1 mV and 0.1 mA: far below one ADC count of
//   any board this application reads (0.8 V and 0.3 A per count on the reference board), and it
//   keeps a full-rate batch (≈ 230 sample pairs) near 4 kB of JSON.
// - Times are ISO 8601 strings in UTC (the project's columns) or epoch milliseconds (`…AtMs`).
import { z } from 'zod';
import { CalibrationCoefficientsSchema } from '../calibration/record';
import { resultOf } from './result';

const none = z.object({}).strict();
const id = z.number().int().positive();
const path = z.string().min(1).max(4096);
const count = z.number().int().nonnegative();
const maybe = z.number().nullable();
const isoTime = z.string().max(40);

// ── Ports and the link ─────────────────────────────────────────────────────────────────────────────

export const PortInfoSchema = z.object({
  path: z.string(),
  source: z.enum(['os', 'dev-scan', 'virtual']),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  serialNumber: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  label: z.string(),
});

export const PortListSchema = z.object({
  ports: z.array(PortInfoSchema),
  /** 'dev-scan': the OS's listing failed (containers without udev) and /dev was scanned instead; `note` says why. */
  source: z.enum(['os', 'dev-scan']),
  note: z.string().optional(),
});
export type PortList = z.infer<typeof PortListSchema>;

/** Rates the connect form offers; any integer the port accepts may be typed. */
export const COMMON_BAUD_RATES = [9600, 19_200, 38_400, 57_600, 115_200, 230_400, 250_000, 460_800, 500_000, 921_600, 1_000_000, 2_000_000] as const;

export const ConnectArgsSchema = z.object({
  /** A listed path or one typed by hand (pseudo-terminals are never listed). */
  path: z.string().trim().min(1).max(4096),
  baudRate: z.number().int().min(50).max(12_000_000).optional(),
  mode: z.enum(['binary', 'text']).optional(),
  handshakeTimeoutMs: z.number().int().min(100).max(30_000).optional(),
  /** Text mode: samples per second when known (else estimated from the line rate). */
  textSampleRateHz: z.number().positive().max(1_000_000).optional(),
});
export type ConnectArgs = z.infer<typeof ConnectArgsSchema>;

export const BoardIdentitySchema = z.object({
  protocolVersion: z.number().int(),
  firmwareVersion: z.string(),
  boardSerial: z.string(),
  channelCount: z.number().int(),
  samplesPerPeriod: z.number().int(),
  adcBits: z.number().int(),
  nominalFrequencyHz: z.number(),
  sampleRateHz: z.number(),
  blockPairs: z.number().int(),
  streaming: z.boolean(),
});
export type BoardIdentityWire = z.infer<typeof BoardIdentitySchema>;

export const LinkStatsSchema = z.object({
  bytesReceived: count,
  framesDecoded: count,
  crcErrors: count,
  malformedFrames: count,
  lostFrames: count,
  bytesDiscarded: count,
  resyncs: count,
  sequenceRestarts: count,
  linesDecoded: count,
  malformedLines: count,
  samplesReceived: count,
  commandsSent: count,
  commandTimeouts: count,
  nacks: count,
  linkLosses: count,
  reconnects: count,
});
export type LinkStatsWire = z.infer<typeof LinkStatsSchema>;

export const DeviceStateSchema = z.enum(['disconnected', 'connecting', 'connected', 'streaming', 'reconnecting']);
export type DeviceStateName = z.infer<typeof DeviceStateSchema>;

export const DeviceStatusSchema = z.object({
  state: DeviceStateSchema,
  path: z.string().nullable(),
  baudRate: z.number().int().nullable(),
  mode: z.enum(['binary', 'text']).nullable(),
  identity: BoardIdentitySchema.nullable(),
  calibration: CalibrationCoefficientsSchema.nullable(),
  sampleRateHz: maybe,
  stats: LinkStatsSchema,
  /** The last thing worth telling the user, in the back end's words. */
  message: z.string().nullable(),
  /** Why the last connect failed ('not-found', 'busy', 'permission-denied', 'no-answer', …), until the next attempt. */
  lastErrorCode: z.string().nullable(),
});
export type DeviceStatusWire = z.infer<typeof DeviceStatusSchema>;

// ── The stream ─────────────────────────────────────────────────────────────────────────────────────

/** A 200 ms measurement window computed by the host (shared/signal/power-metrics.ts). */
export const MeasurementWindowSchema = z.object({
  endSampleIndex: count,
  durationS: z.number(),
  vrmsV: z.number(),
  irmsA: z.number(),
  activePowerW: z.number(),
  apparentPowerVA: z.number(),
  reactivePowerVar: z.number(),
  powerFactor: maybe,
  frequencyHz: maybe,
  voltageThd: maybe,
  currentThd: maybe,
  /** RMS of harmonics 1…15, index = order (index 0 is the DC offset that was removed). */
  voltageHarmonicsV: z.array(maybe).max(64),
  currentHarmonicsA: z.array(maybe).max(64),
});
export type MeasurementWindowWire = z.infer<typeof MeasurementWindowSchema>;

/** At most ~5 s of the fastest stream in one batch (the device manager keeps no more). */
const MAX_BATCH_SAMPLES = 65_536;

export const SampleBatchSchema = z.object({
  /** Batch number since the back end started: a gap means batches were dropped between it and this window. */
  seq: count,
  /** Index of voltageV[0] since the connection's first sample (restarts at 0 on a new connection). */
  firstSampleIndex: count,
  sampleRateHz: z.number().positive(),
  /** Volts and amperes; null where samples were lost on the link. */
  voltageV: z.array(maybe).max(MAX_BATCH_SAMPLES),
  currentA: z.array(maybe).max(MAX_BATCH_SAMPLES),
  lostSamples: count,
  measurements: z.array(MeasurementWindowSchema).max(100),
  /** The newest valid board temperature in this batch, °C. */
  temperatureC: maybe,
  activeEnergyWh: z.number(),
  stats: LinkStatsSchema,
  /** Back end clock (Date.now()) when the newest bytes of this batch arrived: the samples' generation time for the in-process meter. */
  receivedAtMs: z.number(),
  /** Back end clock when the batch was sent. */
  sentAtMs: z.number(),
});
export type SampleBatch = z.infer<typeof SampleBatchSchema>;

// ── The built-in virtual meter ─────────────────────────────────────────────────────────────────────

export const VirtualMeterConfigSchema = z.object({
  preset: z.enum(['230V-50Hz', '120V-60Hz']),
  load: z.enum(['resistive', 'inductive', 'led', 'motor', 'none']),
  /** W for resistive, LED driver and motor; VA for inductive. */
  powerW: z.number().positive().max(50_000),
  /** Inductive load's (lagging) power factor. */
  powerFactor: z.number().min(0.05).max(1),
  /** Input-referred noise, RMS ADC counts. */
  noiseCounts: z.number().min(0).max(100),
  /**
   * The board's deliberate front-end errors (gain +2.3 % V, −3.2 % I, offsets, 2.5° phase) and the
   * coefficients in its EEPROM: 'uncalibrated' (design values: the errors show — what calibration
   * corrects), 'calibrated' (coefficients that cancel them), 'ideal' (a front end without errors).
   */
  errors: z.enum(['uncalibrated', 'calibrated', 'ideal']),
  /** Hostile links for trying the UI: a board that never answers, or the bytes a wrong baud rate gives. */
  fault: z.enum(['none', 'silent', 'wrong-baud']),
});
export type VirtualMeterConfig = z.infer<typeof VirtualMeterConfigSchema>;

export const VirtualMeterStateSchema = z.object({
  /** Plugged in: listed and connectable at `path`. */
  running: z.boolean(),
  path: z.string(),
  boardSerial: z.string(),
  /** `errors` is 'custom' once someone else (the calibration wizard) wrote other coefficients. */
  config: VirtualMeterConfigSchema.extend({ errors: z.enum(['uncalibrated', 'calibrated', 'ideal', 'custom']) }),
  /** What the meter is really measuring (steady state), for checking the readings. */
  truth: z.object({ vrmsV: z.number(), irmsA: z.number(), activePowerW: z.number(), powerFactor: maybe, frequencyHz: z.number() }),
  /** Pulled out by `unplugVirtualMeter`, until this time. */
  unpluggedUntilMs: z.number().nullable(),
});
export type VirtualMeterState = z.infer<typeof VirtualMeterStateSchema>;

// ── Captures and recording ─────────────────────────────────────────────────────────────────────────

const CaptureMetricsSchema = MeasurementWindowSchema.omit({ endSampleIndex: true }).partial().extend({ temperatureC: maybe.optional() });

/** What the scope sends to store (its current view): ≤ 10 s at the fastest rate. */
export const CaptureInputSchema = z.object({
  note: z.string().max(2000),
  sampleRateHz: z.number().positive().max(1_000_000),
  /** Time of sample 0 relative to the trigger, ms (negative: pre-trigger). */
  startMs: z.number(),
  voltageV: z.array(maybe).min(1).max(100_000),
  currentA: z.array(maybe).min(1).max(100_000),
  metrics: CaptureMetricsSchema.optional(),
  /** Scope settings worth keeping with the data (time/div, trigger …), free-form. */
  view: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type CaptureInput = z.infer<typeof CaptureInputSchema>;

export const CaptureSummarySchema = z.object({
  id,
  sessionId: id.nullable(),
  createdAt: isoTime,
  note: z.string(),
  sampleRateHz: z.number(),
  sampleCount: count,
  boardSerial: z.string().nullable(),
  vrmsV: maybe,
  irmsA: maybe,
  activePowerW: maybe,
});
export type CaptureSummary = z.infer<typeof CaptureSummarySchema>;

export const CaptureSchema = CaptureSummarySchema.extend({
  startMs: z.number(),
  voltageV: z.array(maybe),
  currentA: z.array(maybe),
  metrics: CaptureMetricsSchema,
  view: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Capture = z.infer<typeof CaptureSchema>;

export const RecordingStatusSchema = z.object({
  recording: z.boolean(),
  sessionId: id.nullable(),
  startedAt: isoTime.nullable(),
  /** Complete and partial minutes written so far in this session. */
  minutesWritten: count,
  /** Energy recorded in this session, Wh. */
  energyWh: z.number(),
  lastWriteAt: isoTime.nullable(),
  /** Why recording stopped or paused (project closed, board lost …). */
  message: z.string().nullable(),
});
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>;

export const MeterSessionSchema = z.object({
  id,
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  boardSerial: z.string(),
  port: z.string(),
  note: z.string(),
  minutes: count,
  energyWh: z.number(),
  captures: count,
});
export type MeterSession = z.infer<typeof MeterSessionSchema>;

// ── Monitor ────────────────────────────────────────────────────────────────────────────────────────

const RangeSchema = z.object({ from: isoTime.optional(), to: isoTime.optional(), sessionId: id.optional() });

export const TrendPointSchema = z.object({
  /** Start of the bucket (ISO, UTC). */
  t: isoTime,
  minutes: count,
  pAvgW: maybe,
  pMinW: maybe,
  pMaxW: maybe,
  vrmsAvgV: maybe,
  irmsAvgA: maybe,
  pfAvg: maybe,
  energyWh: z.number(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const DailyEnergySchema = z.object({ day: z.string(), energyWh: z.number(), minutes: count, peakW: maybe });
export type DailyEnergy = z.infer<typeof DailyEnergySchema>;

export const ThresholdRuleSchema = z.object({
  metric: z.enum(['activePowerW', 'vrmsV', 'irmsA', 'powerFactor', 'frequencyHz']),
  op: z.enum(['above', 'below']),
  value: z.number().finite(),
});
export type ThresholdRule = z.infer<typeof ThresholdRuleSchema>;

export const ThresholdEpisodeSchema = z.object({ start: isoTime, end: isoTime, minutes: count, extreme: z.number() });
export type ThresholdEpisode = z.infer<typeof ThresholdEpisodeSchema>;

export const CsvWrittenSchema = z.object({ path: z.string(), rows: count, bytes: count });

export const deviceMethods = {
  listPorts: { args: none, result: PortListSchema },
  connectDevice: { args: ConnectArgsSchema, result: resultOf(DeviceStatusSchema) },
  disconnectDevice: { args: none, result: DeviceStatusSchema },
  getDeviceStatus: { args: none, result: DeviceStatusSchema },
  startStreaming: { args: none, result: resultOf(z.null()) },
  stopStreaming: { args: none, result: resultOf(z.null()) },
  setSamplesPerPeriod: { args: z.object({ samplesPerPeriod: z.union([z.literal(64), z.literal(128)]) }), result: resultOf(BoardIdentitySchema) },

  getVirtualMeter: { args: none, result: VirtualMeterStateSchema },
  /** Plugs the virtual meter in (listed as its path) with optional new settings. */
  startVirtualMeter: { args: VirtualMeterConfigSchema.partial(), result: resultOf(VirtualMeterStateSchema) },
  /** Unplugs it: a connection to it is lost, and it is no longer listed. */
  stopVirtualMeter: { args: none, result: VirtualMeterStateSchema },
  /** Mains and load change live; noise, errors, rate and faults power the board up again (a short loss, then a reconnect). */
  configureVirtualMeter: { args: VirtualMeterConfigSchema.partial(), result: resultOf(VirtualMeterStateSchema) },
  /** Pulls the cable for `durationMs`, to see the loss and the reconnect. */
  unplugVirtualMeter: { args: z.object({ durationMs: z.number().int().min(100).max(60_000) }), result: resultOf(VirtualMeterStateSchema) },

  /** Stores the scope's current view in the open project (in the recording session, if one runs). */
  saveCapture: { args: CaptureInputSchema, result: resultOf(CaptureSummarySchema) },
  listCaptures: { args: z.object({ sessionId: id.optional() }).strict(), result: resultOf(z.array(CaptureSummarySchema)) },
  getCapture: { args: z.object({ id }), result: resultOf(CaptureSchema) },
  deleteCapture: { args: z.object({ id }), result: resultOf(z.null()) },
  /** Writes a stored capture, or the scope's view, as CSV (time, voltage, current, power). */
  exportCaptureCsv: {
    args: z.object({ path, source: z.union([z.object({ captureId: id }), z.object({ capture: CaptureInputSchema })]) }),
    result: resultOf(CsvWrittenSchema),
  },

  startRecording: { args: z.object({ note: z.string().max(2000).optional() }), result: resultOf(RecordingStatusSchema) },
  stopRecording: { args: none, result: RecordingStatusSchema },
  getRecordingStatus: { args: none, result: RecordingStatusSchema },
  listMeterSessions: { args: none, result: resultOf(z.array(MeterSessionSchema)) },

  /** Power trend over a range, in buckets of whole minutes so that at most `maxPoints` come back. */
  getPowerTrend: { args: RangeSchema.extend({ maxPoints: z.number().int().min(10).max(5000) }), result: resultOf(z.object({ bucketMinutes: z.number().int(), points: z.array(TrendPointSchema) })) },
  /** Energy per calendar day, days counted in the caller's time zone (offset east of UTC, minutes). */
  getDailyEnergy: { args: RangeSchema.extend({ utcOffsetMin: z.number().int().min(-840).max(840) }), result: resultOf(z.array(DailyEnergySchema)) },
  /** Runs of consecutive minutes whose average breaks the rule. */
  getThresholdEpisodes: { args: RangeSchema.extend({ rule: ThresholdRuleSchema }), result: resultOf(z.array(ThresholdEpisodeSchema)) },
  exportAggregatesCsv: { args: RangeSchema.extend({ path }), result: resultOf(CsvWrittenSchema) },
} as const;

export const deviceEvents = {
  deviceStatus: DeviceStatusSchema,
  /** Samples and measurements at display rate (≤ 30 per second), never per frame. */
  sampleBatch: SampleBatchSchema,
  virtualMeterChanged: VirtualMeterStateSchema,
  recordingStatus: RecordingStatusSchema,
} as const;
