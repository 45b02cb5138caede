// The one module that imports `serialport` (STYLE.md: one owner per infrastructure library). Opening
// failures come back as results with a code the UI can act on; a device that goes away closes the link.
import { SerialPort } from 'serialport';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { ByteLink, LinkClosed } from './byte-link';
import { LinkEvents } from './byte-link';

export type OpenErrorCode = 'not-found' | 'busy' | 'permission-denied' | 'bad-baud-rate' | 'open-failed';

/** Maps serialport's (libuv's) open error messages onto codes. */
export function classifyOpenError(message: string): OpenErrorCode {
  if (/no such file|ENOENT|not found/i.test(message)) return 'not-found';
  if (/lock|busy|EBUSY|resource temporarily unavailable|EAGAIN/i.test(message)) return 'busy';
  if (/permission denied|EACCES|EPERM|access denied/i.test(message)) return 'permission-denied';
  if (/baud/i.test(message)) return 'bad-baud-rate';
  return 'open-failed';
}

const OPEN_ADVICE: Record<OpenErrorCode, string> = {
  'not-found': 'no such port (unplugged, or a typo in the path)',
  busy: 'the port is in use by another program (close the serial monitor or the other Meterplan window)',
  'permission-denied': 'permission denied (on Linux, add yourself to the "dialout" group and log in again)',
  'bad-baud-rate': 'the port refused the baud rate',
  'open-failed': 'the port could not be opened',
};

class SerialPortLink implements ByteLink {
  private readonly events = new LinkEvents();
  private localClose = false;

  constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {
    // A 'data' listener keeps the port reading, which is also how a vanished device (EIO on a pty whose
    // far end closed, ENXIO on an unplugged USB adapter) is noticed at once.
    port.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      const closed: LinkClosed = this.localClose
        ? { reason: 'local', message: 'closed' }
        : { reason: error?.disconnected ? 'disconnected' : 'error', message: error?.message ?? 'the port closed' };
      this.events.emitClose(closed);
    });
    port.on('error', (error: Error) => {
      if (!port.isOpen) this.events.emitClose({ reason: 'error', message: error.message });
    });
  }

  get isOpen(): boolean {
    return this.port.isOpen && !this.events.isClosed;
  }

  write(bytes: Uint8Array): void {
    if (!this.isOpen) return;
    this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
      if (error && !this.events.isClosed) {
        this.events.emitClose({ reason: 'error', message: `write failed: ${error.message}` });
        if (this.port.isOpen) this.port.close(() => undefined);
      }
    });
  }

  close(): Promise<void> {
    this.localClose = true;
    if (!this.port.isOpen) {
      this.events.emitClose({ reason: 'local', message: 'closed' });
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.port.close(() => {
        this.events.emitClose({ reason: 'local', message: 'closed' });
        resolve();
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (closed: LinkClosed) => void): () => void {
    return this.events.onClose(listener);
  }
}

/** Opens a serial port (or pseudo-terminal) at a baud rate, locked against a second opener. */
export function openSerialPort(path: string, baudRate: number): Promise<Result<ByteLink>> {
  if (!path.trim()) return Promise.resolve(err('not-found', 'no port path given'));
  if (!Number.isInteger(baudRate) || baudRate < 50 || baudRate > 12_000_000) {
    return Promise.resolve(err('bad-baud-rate', `baud rate ${baudRate} is not a usable rate`));
  }
  return new Promise((resolve) => {
    let port: SerialPort;
    try {
      port = new SerialPort({ path, baudRate, autoOpen: false, lock: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      resolve(err(classifyOpenError(message), `${path}: ${message}`));
      return;
    }
    port.open((error) => {
      if (error) {
        const code = classifyOpenError(error.message);
        resolve(err(code, `${path}: ${OPEN_ADVICE[code]} (${error.message})`));
        return;
      }
      resolve(ok(new SerialPortLink(path, port)));
    });
  });
}

/** The OS's port listing (udev on Linux): throws when the OS's device database is unavailable. */
export async function listOsSerialPorts(): Promise<{ path: string; manufacturer?: string; serialNumber?: string; vendorId?: string; productId?: string; pnpId?: string }[]> {
  return SerialPort.list();
}
