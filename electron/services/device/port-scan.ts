// Serial ports found without the OS's device database: a scan of /dev, with the USB identity read from
// sysfs where it is readable. This is the fallback when SerialPort.list() fails (it runs `udevadm`,
// which containers and minimal systems lack). Roots are parameters so that tests can use a fake tree.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PortInfo } from '../../../shared/protocol/device-types';

export interface ScanRoots {
  devDir: string;
  sysClassTtyDir: string;
}

export const SYSTEM_ROOTS: ScanRoots = { devDir: '/dev', sysClassTtyDir: '/sys/class/tty' };

/** USB adapters and CDC-ACM boards always; on-board UARTs and Bluetooth serial by name. */
const ALWAYS = /^tty(USB|ACM)\d+$|^ttyAMA\d+$|^rfcomm\d+$|^cu\.(usbserial|usbmodem)/;
/** Legacy 8250 UARTs: Linux creates ttyS0–31 whether or not the hardware exists. */
const LEGACY_UART = /^ttyS\d+$/;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * A ttyS device exists in hardware when sysfs gives it a UART type other than 0 (PORT_UNKNOWN). Without a
 * readable sysfs we cannot tell, and list none rather than 32 phantoms.
 */
function legacyUartPresent(roots: ScanRoots, name: string): boolean {
  const type = readText(path.join(roots.sysClassTtyDir, name, 'type'));
  return type !== undefined && type !== '0';
}

/** Walks up from the tty's device in sysfs to the USB device that carries idVendor. */
function usbIdentity(roots: ScanRoots, name: string): Partial<PortInfo> {
  let dir: string;
  try {
    dir = realpathSync(path.join(roots.sysClassTtyDir, name, 'device'));
  } catch {
    return {};
  }
  for (let depth = 0; depth < 6 && dir !== path.dirname(dir); depth++, dir = path.dirname(dir)) {
    const vendorId = readText(path.join(dir, 'idVendor'));
    if (vendorId === undefined) continue;
    return {
      vendorId,
      productId: readText(path.join(dir, 'idProduct')),
      serialNumber: readText(path.join(dir, 'serial')),
      manufacturer: readText(path.join(dir, 'manufacturer')),
      product: readText(path.join(dir, 'product')),
    };
  }
  return {};
}

/** /dev/serial/by-id/<name> → the device path it points to. */
function byIdAliases(roots: ScanRoots): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  const dir = path.join(roots.devDir, 'serial', 'by-id');
  if (!existsSync(dir)) return aliases;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return aliases;
  }
  for (const name of names) {
    const link = path.join(dir, name);
    try {
      const target = path.resolve(dir, readlinkSync(link));
      aliases.set(target, [...(aliases.get(target) ?? []), link]);
    } catch {
      // not a symlink, or unreadable: skip it
    }
  }
  return aliases;
}

export function portLabel(p: Omit<PortInfo, 'label'>): string {
  const what = [p.manufacturer, p.product].filter(Boolean).join(' ');
  const usb = p.vendorId ? `USB ${p.vendorId}:${p.productId ?? '?'}` : '';
  const serial = p.serialNumber ? `(${p.serialNumber})` : '';
  const detail = [what || usb, serial].filter(Boolean).join(' ');
  return detail ? `${p.path} — ${detail}` : p.path;
}

/** Serial ports under roots.devDir, with USB identity and by-id aliases where available. */
export function scanDevForSerialPorts(roots: ScanRoots = SYSTEM_ROOTS): PortInfo[] {
  let names: string[];
  try {
    names = readdirSync(roots.devDir);
  } catch {
    return [];
  }
  const aliases = byIdAliases(roots);
  const ports: PortInfo[] = [];
  for (const name of names.sort(naturalCompare)) {
    if (!ALWAYS.test(name) && !(LEGACY_UART.test(name) && legacyUartPresent(roots, name))) continue;
    const devPath = path.join(roots.devDir, name);
    const info: Omit<PortInfo, 'label'> = { path: devPath, source: 'dev-scan', ...usbIdentity(roots, name) };
    const a = aliases.get(devPath);
    if (a) info.aliases = a;
    ports.push({ ...info, label: portLabel(info) });
  }
  return ports;
}

/** ttyUSB2 before ttyUSB10. */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
