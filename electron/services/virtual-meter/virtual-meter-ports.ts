// Where the virtual meter can run: in this process, behind a port the device manager lists
// ("virtual:meter"), or on a serial path — one end of a pseudo-terminal pair — opened through the device
// module (the only place that touches serialport), so the app's real serial code is what talks to it.
import type { Result } from '../../../shared/api/result';
import { ok } from '../../../shared/api/result';
import type { ByteLink } from '../device/byte-link';
import { createMemoryLinkPair } from '../device/byte-link';
import type { InProcessPort } from '../device/device-manager';
import { openSerialPort } from '../device/serial-port';
import type { VirtualMeter } from './virtual-meter';

export const VIRTUAL_METER_PATH = 'virtual:meter';

/** An in-process port for DeviceManager.registerInProcessPort: each open powers the meter up anew. */
export function virtualMeterPort(meter: VirtualMeter, path = VIRTUAL_METER_PATH): InProcessPort {
  return {
    path,
    label: `built-in virtual meter (board ${meter.boardSerial})`,
    open(): ByteLink {
      const { host, board } = createMemoryLinkPair(path);
      meter.attach(board);
      return host;
    },
  };
}

/** Runs the meter on a serial path until the returned stop() (or the far end going away). */
export async function runVirtualMeterOnPort(meter: VirtualMeter, path: string, baudRate: number): Promise<Result<{ link: ByteLink; stop(): Promise<void> }>> {
  const opened = await openSerialPort(path, baudRate);
  if (!opened.ok) return opened;
  const link = opened.value;
  meter.attach(link);
  return ok({
    link,
    async stop() {
      meter.detach();
      await link.close();
    },
  });
}
