// `npm run cli -- optimize` end to end on the bundled CLI (out/cli/main.cjs, which runs the bundled
// optimiser worker): the JSON document's shape and numbers, and one-line errors with exit code 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from '../../../electron/cli/command';
import { buildOptimizeRequest } from '../../../electron/cli/commands/optimize';

const root = path.resolve(__dirname, '../../..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-optimize-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'out/cli/main.cjs'), 'optimize', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Document {
  algorithm: string;
  problem: string;
  seed: number;
  evaluations: number;
  elapsedMs: number;
  front: Array<{ objectives: Record<string, number>; sites: Array<[number, number]> }>;
  chosen: { objectives: Record<string, number>; sites: Array<[number, number]> } | null;
}

describe('optimize command', () => {
  it('optimises the thesis office routers with the thesis parameters and writes the JSON front', () => {
    const out = path.join(dir, 'routers.json');
    const r = cli('--example', 'thesis-office', '--problem', 'routers', '--algorithm', 'nsga3', '--seed', '4', '--json', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as Document;
    expect(doc).toMatchObject({ algorithm: 'nsga3', problem: 'routers', seed: 4, evaluations: 80 * 101 });
    expect(doc.elapsedMs).toBeGreaterThan(0);
    expect(Object.keys(doc.front[0].objectives)).toEqual(['cost', 'connectivity']);
    const two = doc.front.find((s) => s.objectives.cost === 2);
    expect(two?.objectives.connectivity).toBe(100);
    // Coordinates in metres at cell centres of the 10 m × 8 m office.
    for (const [x, y] of two?.sites ?? []) expect(x % 1 === 0.5 && y % 1 === 0.5 && x < 10 && y < 8).toBe(true);
    // The chosen plan: full connectivity at the lowest cost.
    expect(doc.chosen?.objectives).toEqual({ cost: 2, connectivity: 100 });
  });

  it('runs a test problem with f1..fM objectives and no sites', () => {
    const out = path.join(dir, 'dtlz2.json');
    const r = cli('--problem', 'dtlz2', '--objectives', '4', '--algorithm', 'spea2', '--pop', '20', '--gens', '5', '--pm', '1', '--json', out);
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as Document;
    expect(doc.evaluations).toBe(20 * 6);
    expect(Object.keys(doc.front[0].objectives)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(doc.front[0].sites).toEqual([]);
    expect(doc.chosen).toBeNull();
  });

  // Argument checking runs in-process (the same function the command calls); one spawn checks the exit
  // code and the one-line message.
  it.each([
    [['--example', 'thesis-office', '--pop', '0'], 'population size must be an integer from 2 to 100000 (got 0)'],
    [['--example', 'thesis-office', '--pop', '81'], 'population size must be even, since children are produced in pairs (got 81)'],
    [['--example', 'thesis-office', '--pm', '1.5'], 'mutation probability must be between 0 and 1 (got 1.5)'],
    [['--example', 'thesis-office', '--pc', 'often'], '--pc must be a number (got "often")'],
    [['--example', 'thesis-office', '--algorithm', 'moead'], '--algorithm must be one of nsga2, spea2, nsga3 (got "moead")'],
    [['--problem', 'sensors'], '--problem sensors needs a floor: --example thesis-office or --project FILE'],
    [['--project', 'no-such-office.meterplan'], `${path.resolve('no-such-office.meterplan')} does not exist.`],
    [['--problem', 'zdt1', '--objectives', '3'], '--objectives applies to dtlz1 and dtlz2 only'],
  ])('rejects %j', (args, message) => {
    expect(() => buildOptimizeRequest(args)).toThrow(new CliUsageError(message));
  });

  it('exits with code 2 and one line on stderr for bad arguments', () => {
    const r = cli('--example', 'thesis-office', '--gens=-3');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('meterplan: number of generations must be an integer from 1 to 1000000 (got -3)\n');
    expect(() => buildOptimizeRequest(['--frobnicate'])).toThrow(/Unknown option '--frobnicate'/);
  });
});
