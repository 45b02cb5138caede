// What the device manager (electron/services/device) tells the rest of the application, as plain
// serialisable objects: they cross Electron IPC and the web shell's WebSocket as they are.
import type { DecoderStats } from './decoder';
import type { BoardIdentity, BoardMetrics, CalibrationCoefficients, TemperatureReading } from './frames';

export type LinkMode = 'binary' | 'text';

/** Where a port listing came from. */
export type PortSource = 'os' | 'dev-scan' | 'virtual';

export interface PortInfo {
  path: string;
  source: PortSource;
  /** USB identity when known (hex strings as the OS gives them, e.g. "0403" / "6001"). */
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  /** Stable aliases of the same device (e.g. /dev/serial/by-id/usb-FTDI_…). */
  aliases?: string[];
  /** One line for a menu: "/dev/ttyUSB0 — FTDI FT232R (A6008isP)". */
  label: string;
}

export interface PortListResult {
  ports: PortInfo[];
  source: 'os' | 'dev-scan';
  /** Why the fallback was used, or anything else the user should know about the listing. */
  note?: string;
}

export interface ConnectOptions {
  /** A listed path, or one typed by hand (pseudo-terminals are never listed). */
  path: string;
  baudRate?: number; // default 1,000,000
  mode?: LinkMode; // default 'binary'
  /** How long the board has to answer the identity request, ms (default 1500). */
  handshakeTimeoutMs?: number;
  /** Start streaming once connected (default true). */
  stream?: boolean;
  /** After a loss, look for the same board again (binary: by board serial; text: same path). Default true. */
  autoReconnect?: boolean;
  /** Extra paths to try when reconnecting (e.g. a pseudo-terminal's stable symlink). */
  reconnectPaths?: string[];
  /** Text mode: samples per second when known; otherwise estimated from the line rate. */
  textSampleRateHz?: number;
  /** Text mode: nominal mains frequency for the measurement windows (default 50). */
  textNominalFrequencyHz?: number;
}

export type DeviceState = 'disconnected' | 'connecting' | 'connected' | 'streaming' | 'reconnecting';

export interface LinkStats extends DecoderStats {
  /** Text mode counters. */
  linesDecoded: number;
  malformedLines: number;
  samplesReceived: number;
  commandsSent: number;
  commandTimeouts: number;
  nacks: number;
  /** Links lost (unplug, far end closed, silence) and links found again. */
  linkLosses: number;
  reconnects: number;
}

export interface DeviceStatus {
  state: DeviceState;
  path: string | null;
  baudRate: number | null;
  mode: LinkMode | null;
  identity: BoardIdentity | null;
  calibration: CalibrationCoefficients | null;
  /** Samples per second of the stream (board's, or the text mode's configured/estimated rate). */
  sampleRateHz: number | null;
  stats: LinkStats;
  /** The last thing worth telling the user ("board did not answer", "link lost: far end closed"). */
  message: string | null;
}

/** A host-computed measurement window (see shared/signal/power-metrics.ts for the definitions). */
export interface MeasurementWindow {
  /** Sample index (since the connection's first sample) where the window ends. */
  endSampleIndex: number;
  durationS: number;
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  apparentPowerVA: number;
  reactivePowerVar: number;
  powerFactor: number;
  frequencyHz: number;
  voltageThd: number;
  currentThd: number;
  voltageHarmonicsV: number[];
  currentHarmonicsA: number[];
}

/** What arrived since the previous batch; batches come at display rate (≤ 30 per second). */
export interface DeviceBatch {
  /** Index of voltageV[0] since the connection's first sample; lost blocks advance it. */
  firstSampleIndex: number;
  sampleRateHz: number;
  /** Samples lost on the link inside the batch are NaN, so that firstSampleIndex + k is always sample k's index. */
  voltageV: number[];
  currentA: number[];
  /** Samples lost on the link since the previous batch (before or within this one). */
  lostSamples: number;
  measurements: MeasurementWindow[];
  boardMetrics: BoardMetrics[];
  temperatures: TemperatureReading[];
  /** Active energy since the connection, from the host's measurements, Wh. */
  activeEnergyWh: number;
  stats: LinkStats;
  /** Date.now() when the newest bytes in this batch arrived. */
  receivedAtMs: number;
}

export function emptyLinkStats(): LinkStats {
  return {
    bytesReceived: 0,
    framesDecoded: 0,
    crcErrors: 0,
    malformedFrames: 0,
    lostFrames: 0,
    bytesDiscarded: 0,
    resyncs: 0,
    sequenceRestarts: 0,
    linesDecoded: 0,
    malformedLines: 0,
    samplesReceived: 0,
    commandsSent: 0,
    commandTimeouts: 0,
    nacks: 0,
    linkLosses: 0,
    reconnects: 0,
  };
}
