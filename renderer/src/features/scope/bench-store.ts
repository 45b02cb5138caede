// What the metering bench shows outside the traces, as a vanilla store (tests drive it without React):
// the link's status, the port list, the virtual meter, the recording, and the newest measurement window.
// It changes at most a few times a second; samples never pass through here (scope-engine.ts has them).
import { createStore } from 'zustand/vanilla';
import type { DeviceStatusWire, LinkStatsWire, MeasurementWindowWire, PortList, RecordingStatus, VirtualMeterState } from '../../../../shared/api/device-api';

export interface BenchState {
  readonly status: DeviceStatusWire | null;
  readonly ports: PortList | null;
  readonly portsLoading: boolean;
  readonly virtualMeter: VirtualMeterState | null;
  readonly recording: RecordingStatus | null;
  /** The newest 200 ms window, and the newest valid temperature. */
  readonly measurement: MeasurementWindowWire | null;
  readonly temperatureC: number | null;
  readonly activeEnergyWh: number;
  readonly stats: LinkStatsWire | null;
  /** A connect or disconnect in flight. */
  readonly busy: boolean;
  /** Why the last connect failed, until the next attempt. */
  readonly connectError: { readonly code: string; readonly message: string } | null;
}

export const INITIAL_BENCH: BenchState = {
  status: null,
  ports: null,
  portsLoading: false,
  virtualMeter: null,
  recording: null,
  measurement: null,
  temperatureC: null,
  activeEnergyWh: 0,
  stats: null,
  busy: false,
  connectError: null,
};

export type BenchStore = ReturnType<typeof createBenchStore>;

export function createBenchStore(initial: Partial<BenchState> = {}) {
  return createStore<BenchState>()(() => ({ ...INITIAL_BENCH, ...initial }));
}

export const isLive = (s: Pick<BenchState, 'status'>) => s.status?.state === 'connected' || s.status?.state === 'streaming';
