// Starts the pymodbus reference-meter slave (fixtures/modbus_reference_slave.py) and, for Modbus RTU, a
// socat pseudo-terminal joined to it, so that the client opens a real serial device. Every process is
// ended by its own pid when the test stops it; the slave also exits when its stdin closes.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'modbus_reference_slave.py');
/** Debian's interpreter, where python3-pymodbus is installed (a pyenv `python3` on PATH would not see it). */
export const SYSTEM_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface SlaveOptions {
  meter: 'pac3200' | 'sdm120' | 'sdm630';
  framer?: 'socket' | 'rtu';
  values?: Record<string, number>;
  unit?: number;
  /** Serve this unit id instead: a different one leaves the client's requests unanswered. */
  serveUnit?: number;
  fault?: 'none' | 'illegal-address' | 'device-failure';
}

export interface RunningSlave {
  port: number;
  setValues(values: Record<string, number>): Promise<void>;
  stop(): Promise<void>;
}

function waitForLine(lines: AsyncIterator<string>, prefix: string, what: string): Promise<string> {
  return (async () => {
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new Error(`${what} ended before printing ${prefix}`);
      if (next.value.startsWith(prefix)) return next.value;
      if (next.value.startsWith('ERROR')) throw new Error(`${what}: ${next.value}`);
    }
  })();
}

function stopProcess(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin.end();
    child.kill('SIGTERM');
  });
}

export async function startSlave(options: SlaveOptions): Promise<RunningSlave> {
  const args = [FIXTURE, '--meter', options.meter, '--framer', options.framer ?? 'socket', '--port', '0', '--unit', String(options.unit ?? 1), '--values', JSON.stringify(options.values ?? {})];
  if (options.serveUnit !== undefined) args.push('--serve-unit', String(options.serveUnit));
  if (options.fault) args.push('--fault', options.fault);
  const child = spawn(SYSTEM_PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let ready: string;
  try {
    ready = await waitForLine(lines, 'READY', 'the Modbus slave');
  } catch (e) {
    await stopProcess(child);
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  const port = Number(ready.split(' ')[1]);
  let pending = Promise.resolve();
  return {
    port,
    setValues(values) {
      // One command at a time, each acknowledged before the next.
      pending = pending.then(async () => {
        child.stdin.write(`${JSON.stringify(values)}\n`);
        await waitForLine(lines, 'OK', 'the Modbus slave');
      });
      return pending;
    },
    stop: () => stopProcess(child),
  };
}

export interface PtyBridge {
  /** The serial device the client opens. */
  path: string;
  stop(): Promise<void>;
}

/** A pseudo-terminal whose other end is the slave's TCP port (RTU frames pass through unchanged). */
export async function startPtyBridge(tcpPort: number): Promise<PtyBridge> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meterplan-modbus-'));
  const link = path.join(dir, 'ttyREF');
  const child = spawn('socat', [`pty,raw,echo=0,link=${link}`, `tcp:127.0.0.1:${tcpPort}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let k = 0; k < 200 && !existsSync(link); k++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!existsSync(link)) {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`socat did not create ${link}: ${stderr}`);
  }
  return {
    path: link,
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
