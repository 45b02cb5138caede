// The bundled CLI, as a user runs it: `node out/cli/main.cjs export --example thesis-office ...`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/plan-render/coordinates-csv';
import { PlanJsonSchema } from '../../../shared/plan-render/plan-json';
import { CliUsageError } from '../../../electron/cli/command';
import { exportCommand } from '../../../electron/cli/commands/export';
import { EXAMPLE, pdfPages, pdfText, pngHeader, repoRoot } from './helpers';

const cli = path.join(repoRoot, 'out/cli/main.cjs');
let dir: string;
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
let exampleHash: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-cli-'));
  exampleHash = hash(EXAMPLE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync('node', [cli, 'export', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('cli export', () => {
  it('exports the example in every format without touching the shipped file', () => {
    for (const format of ['pdf', 'png', 'svg', 'csv', 'json']) {
      const out = path.join(dir, `office.${format}`);
      const r = run('--example', 'thesis-office', '--format', format, '--out', out);
      expect(r.stderr).toBe('');
      expect(r.status, format).toBe(0);
      expect(r.stdout).toContain(`wrote ${out} (${format}, 15 devices`);
    }
    expect(pdfPages(path.join(dir, 'office.pdf'))).toBe(2);
    expect(pdfText(path.join(dir, 'office.pdf'))).toMatch(/^\s*Total\s+15\s+14\.00\s*$/m);
    expect(pngHeader(path.join(dir, 'office.png')).signature).toBe(true);
    expect(readFileSync(path.join(dir, 'office.svg'), 'utf8').match(/<g class="device /g)?.length).toBe(15);
    const csv = parseCsv(readFileSync(path.join(dir, 'office.csv'), 'utf8'));
    expect(csv.ok && csv.rows.length).toBe(16);
    expect(PlanJsonSchema.parse(JSON.parse(readFileSync(path.join(dir, 'office.json'), 'utf8'))).placement.length).toBe(15);
    expect(hash(EXAMPLE)).toBe(exampleHash);
  });

  it('exports a project file given with --project and a chosen floor', () => {
    const copy = path.join(dir, 'copy.meterplan');
    execFileSync('cp', [EXAMPLE, copy]);
    const out = path.join(dir, 'copy.csv');
    const r = run('--project', copy, '--format', 'csv', '--out', out, '--floor', '1');
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('device,type,x_m,y_m,floor');
  });

  it('says what is wrong: a usage error exits 2, a refused export exits 1, nothing written', () => {
    const out = path.join(dir, 'bad.pdf');
    const usage = run('--example', 'thesis-office', '--format', 'gif', '--out', out);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe('meterplan: unknown format "gif" (use pdf, png, svg, csv, json)');
    const floor = run('--example', 'thesis-office', '--format', 'pdf', '--out', out, '--floor', '5');
    expect(floor.status).toBe(1);
    expect(floor.stderr).toMatch(/no floor 5/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('cli export arguments (in process)', () => {
  it('refuses bad arguments with a one-line usage error', async () => {
    const out = path.join(dir, 'bad.pdf');
    const usage: [string[], RegExp][] = [
      [['--format', 'pdf', '--out', out], /either --project or --example/],
      [['--project', 'a', '--example', 'thesis-office', '--format', 'pdf', '--out', out], /either --project or --example/],
      [['--example', 'thesis-office', '--format', 'pdf'], /--out is required/],
      [['--example', 'thesis-office', '--out', out], /--format is required/],
      [['--example', 'nowhere', '--format', 'pdf', '--out', out], /unknown example/],
      [['--example', 'thesis-office', '--format', 'pdf', '--out', out, '--floor', 'two'], /--floor must be an integer/],
      [['--example', 'thesis-office', '--format', 'png', '--out', out, '--dpi', '1.5'], /--dpi must be an integer/],
      [['--example', 'thesis-office', '--format', 'pdf', '--out', out, '--run', '1', '--run-file', 'x'], /not both/],
    ];
    for (const [args, message] of usage) {
      const error = await exportCommand.run(args).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, args.join(' ')).toBeInstanceOf(CliUsageError);
      expect((error as Error).message).toMatch(message);
    }
    // node:util parseArgs refuses unknown options itself (the CLI prints it as a usage error).
    await expect(exportCommand.run(['--colour'])).rejects.toThrow(/Unknown option/);
  });

  it('reports a missing project or output folder as a refused export (exit code 1)', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      expect(await exportCommand.run(['--project', path.join(dir, 'absent.meterplan'), '--format', 'pdf', '--out', path.join(dir, 'x.pdf')])).toBe(1);
      // Never the shipped file itself: opening a project may migrate it.
      const copy = path.join(dir, 'second-copy.meterplan');
      execFileSync('cp', [EXAMPLE, copy]);
      expect(await exportCommand.run(['--project', copy, '--format', 'pdf', '--out', path.join(dir, 'nope', 'x.pdf')])).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/absent\.meterplan does not exist/);
    expect(errors[1]).toMatch(/folder .*nope does not exist/);
    expect(hash(EXAMPLE)).toBe(exampleHash);
  });
});
