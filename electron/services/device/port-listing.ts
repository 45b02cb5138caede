// The port list the user picks from: the OS's listing (USB identities from udev), or — when it fails, as
// it does in containers without udevadm — a scan of /dev, saying so. Pseudo-terminals never appear in
// either, which is why a path can always be typed by hand.
import type { PortInfo, PortListResult } from '../../../shared/protocol/device-types';
import type { ScanRoots } from './port-scan';
import { portLabel, scanDevForSerialPorts, SYSTEM_ROOTS } from './port-scan';
import { listOsSerialPorts } from './serial-port';

export interface PortListingDeps {
  osList?: typeof listOsSerialPorts;
  roots?: ScanRoots;
  /** How long the OS listing may take before the scan is used instead, ms. */
  osTimeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function listPorts(deps: PortListingDeps = {}): Promise<PortListResult> {
  const roots = deps.roots ?? SYSTEM_ROOTS;
  const scanned = scanDevForSerialPorts(roots);
  try {
    const os = await withTimeout((deps.osList ?? listOsSerialPorts)(), deps.osTimeoutMs ?? 3000, 'SerialPort.list()');
    const ports: PortInfo[] = os.map((p) => {
      const info: Omit<PortInfo, 'label'> = {
        path: p.path,
        source: 'os',
        vendorId: p.vendorId,
        productId: p.productId,
        serialNumber: p.serialNumber,
        manufacturer: p.manufacturer,
      };
      const aliases = scanned.find((s) => s.path === p.path)?.aliases;
      if (aliases) info.aliases = aliases;
      for (const key of Object.keys(info) as (keyof typeof info)[]) if (info[key] === undefined) delete info[key];
      return { ...info, label: portLabel(info) };
    });
    return { ports, source: 'os' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ports: scanned,
      source: 'dev-scan',
      note: `the system's port listing failed (${message}); these ports come from a scan of ${roots.devDir}, with USB identities from ${roots.sysClassTtyDir} where readable. A port that is not listed (a pseudo-terminal) can be typed by hand.`,
    };
  }
}
