// Port listing: the OS's list when it works, a /dev scan (with sysfs USB identity) when it fails — on a
// fake /dev and /sys tree, so that the test knows what must be found.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPorts } from '../../../electron/services/device/port-listing';
import { scanDevForSerialPorts } from '../../../electron/services/device/port-scan';
import { classifyOpenError } from '../../../electron/services/device/serial-port';

let root: string;
let roots: { devDir: string; sysClassTtyDir: string };

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'meterplan-ports-'));
  const dev = path.join(root, 'dev');
  const sys = path.join(root, 'sys');
  roots = { devDir: dev, sysClassTtyDir: path.join(sys, 'class', 'tty') };
  mkdirSync(path.join(dev, 'serial', 'by-id'), { recursive: true });
  for (const name of ['ttyUSB0', 'ttyUSB10', 'ttyUSB2', 'ttyACM0', 'ttyS0', 'ttyS1', 'tty0', 'null', 'ttyprintk']) writeFileSync(path.join(dev, name), '');
  symlinkSync('../../ttyUSB0', path.join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_USB_UART_A6008isP-if00-port0'));
  // sysfs: ttyUSB0 → …/usb1/1-1 (idVendor) /1-1:1.0/ttyUSB0; ttyS0 a real 16550A (type 4), ttyS1 a phantom (type 0).
  const usbDevice = path.join(sys, 'devices', 'pci0000:00', 'usb1', '1-1');
  const iface = path.join(usbDevice, '1-1:1.0', 'ttyUSB0');
  mkdirSync(iface, { recursive: true });
  for (const [file, text] of [
    ['idVendor', '0403'],
    ['idProduct', '6001'],
    ['serial', 'A6008isP'],
    ['manufacturer', 'FTDI'],
    ['product', 'FT232R USB UART'],
  ]) writeFileSync(path.join(usbDevice, file), `${text}\n`);
  const classTty = roots.sysClassTtyDir;
  mkdirSync(path.join(classTty, 'ttyUSB0'), { recursive: true });
  symlinkSync(iface, path.join(classTty, 'ttyUSB0', 'device'));
  for (const [name, type] of [
    ['ttyS0', '4'],
    ['ttyS1', '0'],
  ]) {
    mkdirSync(path.join(classTty, name), { recursive: true });
    writeFileSync(path.join(classTty, name, 'type'), `${type}\n`);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scanDevForSerialPorts', () => {
  it('finds USB and ACM ports in natural order, real legacy UARTs only, with USB identity and by-id alias', () => {
    const ports = scanDevForSerialPorts(roots);
    expect(ports.map((p) => path.basename(p.path))).toEqual(['ttyACM0', 'ttyS0', 'ttyUSB0', 'ttyUSB2', 'ttyUSB10']);
    const ftdi = ports.find((p) => p.path.endsWith('ttyUSB0'));
    expect(ftdi).toMatchObject({ source: 'dev-scan', vendorId: '0403', productId: '6001', serialNumber: 'A6008isP', manufacturer: 'FTDI' });
    expect(ftdi?.aliases?.[0]).toMatch(/by-id\/usb-FTDI_FT232R_USB_UART_A6008isP-if00-port0$/);
    expect(ftdi?.label).toMatch(/ttyUSB0 — FTDI FT232R USB UART \(A6008isP\)$/);
  });

  it('returns nothing (not an exception) for a missing /dev', () => {
    expect(scanDevForSerialPorts({ devDir: path.join(root, 'nope'), sysClassTtyDir: path.join(root, 'nope') })).toEqual([]);
  });
});

describe('listPorts', () => {
  it('falls back to the /dev scan when the OS listing fails, and says why', async () => {
    const result = await listPorts({ roots, osList: () => Promise.reject(new Error('spawn udevadm ENOENT')) });
    expect(result.source).toBe('dev-scan');
    expect(result.note).toMatch(/spawn udevadm ENOENT/);
    expect(result.note).toMatch(/typed by hand/);
    expect(result.ports.length).toBe(5);
  });

  it('falls back when the OS listing hangs', async () => {
    const result = await listPorts({ roots, osList: () => new Promise(() => undefined), osTimeoutMs: 50 });
    expect(result.source).toBe('dev-scan');
    expect(result.note).toMatch(/longer than 50 ms/);
  });

  it('uses the OS listing when it works, adding the by-id aliases', async () => {
    const usb0 = path.join(roots.devDir, 'ttyUSB0');
    const result = await listPorts({ roots, osList: async () => [{ path: usb0, vendorId: '0403', productId: '6001', serialNumber: 'A6008isP', manufacturer: 'FTDI' }] });
    expect(result).toMatchObject({ source: 'os', ports: [{ path: usb0, source: 'os', serialNumber: 'A6008isP' }] });
    expect(result.ports[0].aliases?.length).toBe(1);
  });

  it('lists this machine\'s ports one way or the other without throwing', async () => {
    const result = await listPorts();
    expect(['os', 'dev-scan']).toContain(result.source);
    expect(Array.isArray(result.ports)).toBe(true);
  });
});

describe('classifyOpenError', () => {
  it.each([
    ['Error: No such file or directory, cannot open /dev/ttyUSB9', 'not-found'],
    ['Error Resource temporarily unavailable Cannot lock port', 'busy'],
    ['Error: Permission denied, cannot open /dev/ttyS0', 'permission-denied'],
    ['Error: Invalid argument, cannot open /dev/ttyS0', 'open-failed'],
  ])('%s → %s', (message, code) => {
    expect(classifyOpenError(message)).toBe(code);
  });
});
