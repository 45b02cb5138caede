// The calibration bench as the Calibrate area sees it: which board a session calibrates — the board the
// application's device manager is connected to, or the built-in virtual meter, plugged in and connected on
// demand. The virtual meter's simulated load is the device API's (configureVirtualMeter).
import type { CalibrationBench as BenchState, CalibrationBoardChoice } from '../../../shared/api/calibration-bench-api';
import type { Result } from '../../../shared/api/result';
import { err } from '../../../shared/api/result';
import type { CalibrationBoard } from '../calibration/calibration-board';
import { DeviceCalibrationBoard } from '../calibration/device-calibration-board';
import type { DeviceManager } from '../device/device-manager';
import { VIRTUAL_METER_PATH } from '../virtual-meter/virtual-meter-ports';
import type { DeviceHandlers } from './device-handlers';

export type BenchDevices = Pick<DeviceManager, 'getStatus' | 'connect' | 'onBatch' | 'startStreaming' | 'readCalibration' | 'writeCalibration' | 'storeCalibration' | 'setSamplesPerPeriod'>;

/** The built-in virtual meter as the bench needs it: where it is plugged, and plugging it in. */
export interface VirtualBoardHost {
  readonly path: string;
  readonly boardSerial: string;
  readonly firmwareVersion: string;
  /** Plugged in (listed and connectable at `path`). */
  isRunning(): boolean | Promise<boolean>;
  start(): Promise<Result<unknown>>;
}

/** The device API's virtual meter (device-handlers.ts) as the bench needs it: its state and Start. */
export function virtualBoardOf(metering: Pick<DeviceHandlers, 'handlers' | 'virtualMeter'>): VirtualBoardHost {
  return {
    path: VIRTUAL_METER_PATH,
    boardSerial: metering.virtualMeter.boardSerial,
    firmwareVersion: metering.virtualMeter.firmwareVersion,
    isRunning: async () => (await metering.handlers.getVirtualMeter({})).running,
    start: async () => metering.handlers.startVirtualMeter({}),
  };
}

export interface BenchParts {
  /** The application's device manager: the Scope area's connection, shared. */
  readonly devices: BenchDevices;
  /** The built-in virtual meter; null if the application has none. */
  readonly virtualMeter: VirtualBoardHost | null;
}

export class CalibrationBenchService {
  constructor(private readonly parts: BenchParts) {}

  private live(): { live: boolean; onVirtual: boolean } {
    const s = this.parts.devices.getStatus();
    return { live: s.state === 'connected' || s.state === 'streaming', onVirtual: this.parts.virtualMeter !== null && s.path === this.parts.virtualMeter.path };
  }

  boards(): CalibrationBoardChoice[] {
    const status = this.parts.devices.getStatus();
    const { live, onVirtual } = this.live();
    const out: CalibrationBoardChoice[] = [];
    if (live && !onVirtual) {
      const id = status.identity;
      out.push({
        kind: 'connected',
        boardSerial: id?.boardSerial ?? '',
        firmwareVersion: id?.firmwareVersion ?? null,
        where: status.path ?? '',
        unavailable: status.mode !== 'binary' || !id ? 'This board sends text lines: calibration needs a board that speaks protocol v1.' : null,
      });
    }
    const vm = this.parts.virtualMeter;
    if (vm) {
      out.push({
        kind: 'virtual',
        boardSerial: vm.boardSerial,
        firmwareVersion: vm.firmwareVersion,
        where: vm.path,
        unavailable: live && !onVirtual ? `Board ${status.identity?.boardSerial ?? status.path} holds the connection: disconnect it in the Scope area to calibrate the virtual meter.` : null,
      });
    }
    return out;
  }

  state(): BenchState {
    return { boards: this.boards() };
  }

  /**
   * The board a session calibrates: the virtual meter when asked for by serial (or when nothing else is
   * connected), connected first if need be; otherwise the connected board, which must be the one named.
   */
  async resolveBoard(selector: { boardSerial?: string }): Promise<Result<CalibrationBoard>> {
    const devices = this.parts.devices;
    const status = devices.getStatus();
    const { live, onVirtual } = this.live();
    const vm = this.parts.virtualMeter;
    const wantsVirtual = vm !== null && (selector.boardSerial === vm.boardSerial || (selector.boardSerial === undefined && (!live || onVirtual)));
    if (wantsVirtual) {
      if (live && !onVirtual) return err('board-busy', `Board ${status.identity?.boardSerial ?? status.path} holds the connection: disconnect it in the Scope area to calibrate the virtual meter.`);
      if (!live) {
        if (!(await vm.isRunning())) {
          const started = await vm.start();
          if (!started.ok) return err(started.code, `The virtual meter did not start: ${started.message}`);
        }
        const connected = await devices.connect({ path: vm.path });
        if (!connected.ok) return err(connected.code, `The virtual meter did not start: ${connected.message}.`);
      }
      return DeviceCalibrationBoard.fromDevice(devices);
    }
    if (!live) {
      return err('not-connected', selector.boardSerial ? `Board ${selector.boardSerial} is not connected: connect it in the Scope area first.` : 'No board is connected: connect one in the Scope area, or choose the built-in virtual meter.');
    }
    const serial = status.identity?.boardSerial;
    if (selector.boardSerial !== undefined && serial !== selector.boardSerial) {
      return err('not-connected', `Board ${selector.boardSerial} is not connected (the connected board is ${serial ?? 'unidentified'}).`);
    }
    return DeviceCalibrationBoard.fromDevice(devices);
  }
}
