// The application's device manager on a simulated board, with what the tests watch: every batch kept in
// running totals, every status change, and waits on both.
import { DeviceManager } from '../../../electron/services/device/device-manager';
import type { DeviceBatch, DeviceStatus, MeasurementWindow } from '../../../shared/protocol/device-types';
import type { BoardMetrics, TemperatureReading } from '../../../shared/protocol/frames';

export class ManagedBoard {
  readonly manager = new DeviceManager();
  /** Samples delivered (calibrated), NaN ones (lost on the link) counted apart. */
  samples = 0;
  nanSamples = 0;
  lostSamples = 0;
  readonly measurements: MeasurementWindow[] = [];
  readonly boardMetrics: BoardMetrics[] = [];
  readonly temperatures: TemperatureReading[] = [];
  readonly statuses: DeviceStatus[] = [];
  private waiters: (() => void)[] = [];

  constructor() {
    this.manager.onBatch((b) => this.onBatch(b));
    this.manager.onStatus((s) => {
      this.statuses.push(s);
      this.wake();
    });
  }

  private onBatch(b: DeviceBatch): void {
    this.samples += b.voltageV.length;
    this.nanSamples += b.voltageV.filter((v) => Number.isNaN(v)).length;
    this.lostSamples += b.lostSamples;
    this.measurements.push(...b.measurements);
    this.boardMetrics.push(...b.boardMetrics);
    this.temperatures.push(...b.temperatures);
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `condition` holds (checked on every batch and status change). */
  until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms (status: ${JSON.stringify({ ...this.manager.getStatus(), identity: undefined, calibration: undefined })})`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Resolves at the first status change (from now on) that `match` accepts. */
  nextStatus(match: (s: DeviceStatus) => boolean, timeoutMs: number, what: string): Promise<DeviceStatus> {
    const from = this.statuses.length;
    return this.until(() => this.statuses.slice(from).some(match), timeoutMs, what).then(() => this.statuses.slice(from).find(match)!);
  }

  async dispose(): Promise<void> {
    await this.manager.dispose();
  }
}
