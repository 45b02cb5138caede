// Looking for a lost board: every interval, try the path it was on, the paths the caller named, ports
// that share the lost port's USB serial number, and ports that appeared since the loss — one at a time —
// until a handshake finds the same board serial (text mode: the same path answers again). Ports that
// were there all along and are unrelated are never probed: opening someone else's device and writing to
// it is not ours to do.
import type { PortListResult } from '../../../shared/protocol/device-types';

export interface ReconnectTarget {
  lostPath: string;
  extraPaths: string[];
  wantedSerial: string | null;
  wasStreaming: boolean;
  /** The connect options to reuse (opaque here). */
  options: unknown;
}

export interface ReconnectorDeps {
  intervalMs: number;
  listPorts(): Promise<PortListResult>;
  pathExists(path: string): boolean;
  tryPath(path: string, target: ReconnectTarget): Promise<'adopted' | 'wrong-board' | 'failed'>;
}

export class Reconnector {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: ReconnectorDeps) {}

  start(target: ReconnectTarget): void {
    this.stop();
    const generation = this.generation;
    void this.snapshot().then((before) => {
      if (generation !== this.generation) return;
      const lostUsbSerial = before.ports.find((p) => p.path === target.lostPath || p.aliases?.includes(target.lostPath))?.serialNumber;
      const known = new Set(before.ports.map((p) => p.path));
      const round = async () => {
        if (generation !== this.generation) return;
        const candidates = await this.candidates(target, known, lostUsbSerial);
        for (const path of candidates) {
          if (generation !== this.generation) return;
          const outcome = await this.deps.tryPath(path, target);
          if (outcome === 'adopted') return;
        }
        if (generation === this.generation) this.timer = setTimeout(() => void round(), this.deps.intervalMs);
      };
      this.timer = setTimeout(() => void round(), this.deps.intervalMs);
    });
  }

  stop(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async snapshot(): Promise<PortListResult> {
    try {
      return await this.deps.listPorts();
    } catch {
      return { ports: [], source: 'dev-scan' };
    }
  }

  private async candidates(target: ReconnectTarget, known: Set<string>, lostUsbSerial: string | undefined): Promise<string[]> {
    const now = await this.snapshot();
    const related = now.ports.filter((p) => (lostUsbSerial && p.serialNumber === lostUsbSerial) || (!known.has(p.path) && /tty(USB|ACM)|usbserial|usbmodem/.test(p.path)));
    const paths = [target.lostPath, ...target.extraPaths, ...related.map((p) => p.path)];
    return [...new Set(paths)].filter((p) => this.deps.pathExists(p));
  }
}
