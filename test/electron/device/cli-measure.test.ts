// The two CLI commands end to end, as separate processes over a socat pseudo-terminal: `virtual-meter`
// on one end, `measure` on the other. The CLI is bundled with esbuild into a temporary directory first
// (as build/scripts/build-node.mjs does, packages left external), so the test runs what users run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socatPair, waitFor } from './helpers';

const root = path.resolve(__dirname, '../../..');
let dir: string;
let cli: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meterplan-cli-'));
  cli = path.join(dir, 'main.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Every package stays external and is found through NODE_PATH: the test needs no copy of the build
    // script's list of native modules.
    packages: 'external',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; kill(): void; output(): string } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))),
    kill: () => child.kill('SIGTERM'),
    output: () => stdout + stderr,
  };
}

describe('CLI: virtual-meter and measure over socat', () => {
  it.each([
    ['binary', ['--load', 'inductive', '--power', '2300', '--pf', '0.5', '--calibrated'], []],
    ['text', ['--mode', 'text', '--calibrated'], ['--mode', 'text', '--sample-rate', '6400']],
  ])('%s mode: measure writes JSON with the measurements and link statistics', async (mode, meterArgs, measureArgs) => {
    const pty = await socatPair();
    const meter = runCli(['virtual-meter', '--port', pty.a, '--serial', '0123456789ABCDEF', ...meterArgs]);
    try {
      await waitFor(() => /virtual meter 0123456789ABCDEF/.test(meter.output()), 20_000, 'the virtual meter to start');
      const out = path.join(dir, `measure-${mode}.json`);
      const measure = await runCli(['measure', '--port', pty.b, '--baud', '1000000', '--seconds', '1.6', '--json', out, ...measureArgs]).done;
      expect(measure.stderr).toBe('');
      expect(measure.code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const m = report.measurements;
      // Counts are kept loose (a busy CI machine may starve either process); the values are not.
      expect(m.windows).toBeGreaterThanOrEqual(1);
      expect(Math.abs(m.vrmsV / 230 - 1)).toBeLessThan(0.005);
      expect(Math.abs(m.frequencyHz - 50)).toBeLessThan(mode === 'binary' ? 0.01 : 0.05);
      expect(report.channels.voltage.thdPercent).toBeLessThan(1);
      if (mode === 'binary') {
        expect(Math.abs(m.activePowerW / 1150 - 1)).toBeLessThan(0.01);
        expect(Math.abs(m.reactivePowerVar / (2300 * Math.sin(Math.PI / 3)) - 1)).toBeLessThan(0.01);
        expect(Math.abs(m.powerFactor - 0.5)).toBeLessThan(0.005);
        expect(report.board.boardSerial).toBe('0123456789ABCDEF');
        expect(report.boardMetrics.windows).toBeGreaterThanOrEqual(1);
        expect(report.temperatureC).toBeCloseTo(24.5, 0);
        expect(report.link).toMatchObject({ crcErrors: 0, lostFrames: 0, malformedFrames: 0 });
        expect(report.link.framesDecoded).toBeGreaterThanOrEqual(40);
      } else {
        expect(Math.abs(m.activePowerW / 2300 - 1)).toBeLessThan(0.01);
        expect(report.board).toBeNull();
        expect(report.link.linesDecoded).toBeGreaterThanOrEqual(1280);
        expect(report.link.malformedLines).toBe(0);
      }
    } finally {
      meter.kill();
      await meter.done;
      await pty.kill();
    }
  });

  it('measure: a port where nothing answers exits 1 with the reason; bad arguments exit 2', async () => {
    const pty = await socatPair();
    try {
      const silent = await runCli(['measure', '--port', pty.b, '--seconds', '1', '--handshake-ms', '300']).done;
      expect(silent.code).toBe(1);
      expect(silent.stderr).toMatch(/did not answer/);
    } finally {
      await pty.kill();
    }
    const usage = await runCli(['measure', '--port', '/dev/null', '--seconds', 'abc']).done;
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--seconds must be a positive number/);
  });
});
