// Builds the firmware and the simavr harness (test/firmware/harness) and runs a simulated board: one
// `sim-board` process per board, its pty path read from its first line, its side channel (reset, stall,
// hang, status) on stdin.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the first folder up from here (or from a bundle in out/) that holds the firmware. */
function findRepoRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'resources/firmware/Makefile'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository: no resources/firmware/Makefile above this file');
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot();
export const FIRMWARE_OUT = path.join(REPO_ROOT, 'out/firmware');
export const SIM_BOARD = path.join(FIRMWARE_OUT, 'sim-board');
export const firmwareElf = (mainsHz: 50 | 60) => path.join(FIRMWARE_OUT, `meterplan-board-${mainsHz}hz.elf`);

/**
 * `make` of the firmware and of the harness. .ci/run installs their toolchains (gcc-avr, avr-libc, simavr,
 * libsimavr-dev, libelf-dev, pkg-config): when one is missing this throws, with make's message, so that
 * the tests fail rather than skip. Returns the firmware build's size report.
 */
export function buildFirmwareAndHarness(): string {
  const reports: string[] = [];
  for (const dir of ['resources/firmware', 'test/firmware/harness']) {
    const run = spawnSync('make', ['-s', '-C', path.join(REPO_ROOT, dir)], { encoding: 'utf8' });
    if (run.error) throw new Error(`cannot run make for ${dir}: ${run.error.message} (install build-essential)`);
    if (run.status !== 0) {
      throw new Error(`building ${dir} failed — are gcc-avr, avr-libc, simavr, libsimavr-dev, libelf-dev and pkg-config installed?\n${run.stdout}${run.stderr}`);
    }
    reports.push(run.stdout);
  }
  return reports.join('');
}

/** Options of sim-board (see test/firmware/harness/sim-board.c); volts are at the ADC pins. */
export interface SimBoardOptions {
  mainsHz?: 50 | 60;
  /** Simulated seconds per wall-clock second; 0 = as fast as the host can. */
  speed?: number;
  serial?: string;
  eepromPath?: string;
  frequencyHz?: number;
  voltage?: { amplitudeV?: number; biasV?: number; phaseDeg?: number; harmonics?: [order: number, ratio: number, phaseDeg: number][] };
  current?: { amplitudeV?: number; biasV?: number; phaseDeg?: number; harmonics?: [order: number, ratio: number, phaseDeg: number][] };
  noiseLsb?: number;
}

function harnessArguments(o: SimBoardOptions): string[] {
  const args = ['--firmware', firmwareElf(o.mainsHz ?? 50), '--wait-client', '--speed', String(o.speed ?? 0)];
  // For investigations: SIM_BOARD_PROFILE=FILE (cycles per flash word), SIM_BOARD_VERBOSE=1 (simavr's trace).
  if (process.env.SIM_BOARD_PROFILE) args.push('--profile', process.env.SIM_BOARD_PROFILE);
  if (process.env.SIM_BOARD_VERBOSE) args.push('--verbose');
  if (o.serial) args.push('--serial', o.serial);
  if (o.eepromPath) args.push('--eeprom', o.eepromPath);
  if (o.frequencyHz !== undefined) args.push('--mains-hz', String(o.frequencyHz));
  if (o.noiseLsb !== undefined) args.push('--noise-lsb', String(o.noiseLsb));
  for (const [prefix, ch] of [['v', o.voltage] as const, ['i', o.current] as const]) {
    if (!ch) continue;
    if (ch.amplitudeV !== undefined) args.push(`--${prefix}-amp`, String(ch.amplitudeV));
    if (ch.biasV !== undefined) args.push(`--${prefix}-bias`, String(ch.biasV));
    if (ch.phaseDeg !== undefined) args.push(`--${prefix}-phase`, String(ch.phaseDeg));
    for (const [order, ratio, phase] of ch.harmonics ?? []) args.push(`--${prefix}-harmonic`, `${order}:${ratio}:${phase}`);
  }
  return args;
}

export interface HarnessStatus {
  cycle: number;
  simMs: number;
  sent: number;
  received: number;
  dropped: number;
  skewMeanCycles: number;
  /** Share of cycles the firmware was not asleep, since the start or the last "figures-reset". */
  busyPct: number;
  /** Deepest stack seen, bytes below RAMEND. */
  stackBytes: number;
  /** Resets of the core since the start: external (the side channel) and by the watchdog. */
  resets: number;
}

export class SimBoard {
  private lines: string[] = [];
  private waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  private stderr = '';
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ptyPath: string,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(options: SimBoardOptions = {}): Promise<SimBoard> {
    const child = spawn(SIM_BOARD, harnessArguments(options), { stdio: ['pipe', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let buffered = '';
      let board: SimBoard | null = null;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (board) board.stderr = stderr.slice(-4000);
      });
      child.on('error', (e) => reject(new Error(`cannot start ${SIM_BOARD}: ${e.message}`)));
      child.on('exit', (code) => {
        if (!board) reject(new Error(`sim-board exited (${code}) before printing its pty: ${stderr}`));
      });
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!board) {
            if (line.startsWith('pty ')) {
              board = new SimBoard(child, line.slice(4));
              resolve(board);
            }
            continue;
          }
          board.onLine(line);
        }
      });
    });
  }

  private onLine(line: string): void {
    const index = this.waiters.findIndex((w) => w.match(line));
    if (index >= 0) this.waiters.splice(index, 1)[0].resolve(line);
    else this.lines.push(line);
  }

  /** The next report line that `match` accepts (already received or to come). */
  nextLine(match: (line: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const index = this.lines.findIndex(match);
    if (index >= 0) return Promise.resolve(this.lines.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`sim-board: no line matching ${match} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Sends a side-channel command and returns its "ok …"/"status …" answer; "error …" throws. */
  async command(line: string): Promise<string> {
    const verb = line.split(' ')[0];
    this.child.stdin.write(`${line}\n`);
    const answer = await this.nextLine((l) => l.startsWith(`ok ${verb}`) || l.startsWith('error') || (verb === 'status' && l.startsWith('status ')));
    if (answer.startsWith('error')) throw new Error(`sim-board ${line}: ${answer}`);
    return answer;
  }

  async status(): Promise<HarnessStatus> {
    const line = await this.command('status');
    const field = (name: string) => Number(new RegExp(`${name}=([-0-9.]+)`).exec(line)?.[1] ?? NaN);
    return { busyPct: field('busy_pct'), stackBytes: field('stack_bytes'), resets: field('resets'), cycle: field('cycle'), simMs: field('sim_ms'), sent: field('sent'), received: field('received'), dropped: field('dropped'), skewMeanCycles: field('skew_mean') };
  }

  /** The last few kilobytes the harness (and simavr) wrote to stderr. */
  get stderrTail(): string {
    return this.stderr;
  }

  /** Asks it to quit (saving its EEPROM file), then kills it if it does not. Resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.stdin.end('quit\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
