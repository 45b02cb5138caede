// `npm run bench -- canvas`: the plan editor's frame time while a device is dragged on a 60 m × 40 m
// floor with 200 walls (the radio benchmark's office floor), in Chromium through the web shell. The
// project is made through the API (from the page, over the web shell's WebSocket); the drag is driven
// with playwright mouse moves; frames are timed in the page with requestAnimationFrame timestamps.
// Needs the built renderer and web shell (`npm run build`) and Debian's Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Playwright from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { Bench } from './benches';
import { benchFloor } from './radio';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.METERPLAN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * playwright-core is loaded at run time, not bundled: esbuild cannot bundle it (it reads its own
 * package.json), and the Node bundles keep only native modules external. test/e2e/harness.ts imports
 * it statically, which is why this benchmark starts the web shell itself.
 */
function playwright(): typeof Playwright {
  return createRequire(path.join(ROOT, 'package.json'))('playwright-core') as typeof Playwright;
}

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install chromium, or set METERPLAN_CHROMIUM).`);
  return playwright().chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}

interface WebShell {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** The built web shell on a temporary data and documents folder (as test/e2e/harness.ts does). */
async function startWebShell(): Promise<WebShell> {
  const server = path.join(ROOT, 'out/web/server.cjs');
  if (!existsSync(server) || !existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('run `npm run build` before the canvas benchmark');
  const tmp = mkdtempSync(path.join(tmpdir(), 'meterplan-bench-'));
  for (const d of ['data', 'documents']) mkdirSync(path.join(tmp, d));
  const child = spawn(process.execPath, [server, '--port', '0', '--data-dir', path.join(tmp, 'data'), '--documents-dir', path.join(tmp, 'documents')], { cwd: ROOT, stdio: 'pipe' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Meterplan web shell listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the web shell exited early (code ${code})`)));
  });
  return {
    url,
    token: new URL(url).searchParams.get('token') ?? '',
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

const MOVES = 150;
const SENSOR_GRID = { cols: 10, rows: 5 };

interface Scenario {
  readonly name: string;
  readonly overlays: readonly string[];
  readonly device: 'sensor' | 'router';
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'sensor, no overlay', overlays: [], device: 'sensor' },
  { name: 'sensor, coverage overlay', overlays: ['coverage'], device: 'sensor' },
  { name: 'sensor, coverage + over-coverage + links + POI', overlays: ['coverage', 'overCoverage', 'links', 'poi'], device: 'sensor' },
  { name: 'router, received-power overlay', overlays: ['power'], device: 'router' },
];

/** Builds the floor through the API, from the page, on a WebSocket of its own. */
async function makeProject(page: Page, token: string): Promise<{ sensors: { x: number; y: number }[]; routers: { x: number; y: number }[] }> {
  const { walls, materials } = benchFloor();
  const byName = new Map(materials.map((m) => [m.id, m.name]));
  const wallSpecs = walls.map((w) => ({ a: w.a, b: w.b, material: byName.get(w.materialId)!, thicknessM: w.thicknessM }));
  const sensors: { x: number; y: number }[] = [];
  for (let r = 0; r < SENSOR_GRID.rows; r++) for (let c = 0; c < SENSOR_GRID.cols; c++) sensors.push({ x: 3.5 + c * 6, y: 4.5 + r * 8 });
  const routers = [7.5, 22.5, 37.5, 52.5].flatMap((x) => [{ x, y: 10.5 }, { x, y: 30.5 }]);
  await page.evaluate(
    async ({ token, wallSpecs, sensors, routers }) => {
      const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });
      let nextId = 1;
      const pending = new Map<number, (v: unknown) => void>();
      socket.onmessage = (e) => {
        const m = JSON.parse(String(e.data)) as { t: string; id: number; value?: unknown; message?: string };
        if (m.t === 'result' || m.t === 'error') pending.get(m.id)?.(m.t === 'result' ? m.value : { ok: false, message: m.message });
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped answers of a raw WebSocket call, read just below
      const call = async (method: string, args: unknown): Promise<any> => {
        const id = nextId++;
        const answer = new Promise((resolve) => pending.set(id, resolve));
        socket.send(JSON.stringify({ t: 'call', id, method, args }));
        const r = (await answer) as { ok?: boolean; message?: string };
        if (r && r.ok === false) throw new Error(`${method}: ${r.message}`);
        return r;
      };
      await call('newProject', {});
      const snap = await call('getProjectSnapshot', {});
      const floorId = snap.value.floors[0].id;
      const material = new Map<string, number>(snap.value.materials.map((m: { name: string; id: number }) => [m.name, m.id]));
      await call('updateFloor', { id: floorId, widthM: 60, heightM: 40 });
      for (const w of wallSpecs) await call('addWall', { floorId, a: w.a, b: w.b, materialId: material.get(w.material), thicknessM: w.thicknessM });
      await call('setGateway', { floorId, at: { x: 30.5, y: 20.5 } });
      for (const p of routers) await call('placeDevice', { floorId, kind: 'router', x: p.x, y: p.y });
      for (const p of sensors) await call('placeDevice', { floorId, kind: 'sensor', x: p.x, y: p.y });
      socket.close();
    },
    { token, wallSpecs, sensors, routers },
  );
  return { sensors, routers };
}

async function setOverlays(page: Page, wanted: readonly string[]): Promise<void> {
  for (const kind of ['coverage', 'power', 'overCoverage', 'links', 'poi']) {
    const box = page.getByTestId(`overlay-toggle-${kind}`);
    if ((await box.isChecked()) !== wanted.includes(kind)) await box.click();
  }
  for (const kind of wanted) if (!(await page.getByTestId(`overlay-toggle-${kind}`).isChecked())) throw new Error(`overlay ${kind} did not switch on`);
  await page.waitForTimeout(500);
}

interface Drag {
  readonly intervalsMs: number[];
  /** Time of each overlay computation (renderer/src/features/planner/live/live-plan.ts). */
  readonly computeMs: number[];
  readonly durationMs: number;
}

/** Drags the device at (x, y) m along a 20 m path and back, timing every frame in the page. */
async function drag(page: Page, from: { x: number; y: number }): Promise<Drag> {
  const box = (await page.getByTestId('plan-canvas').boundingBox())!;
  const v = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
    return { s: Number(el.dataset.scalePxPerM), ox: Number(el.dataset.offsetXPx), oy: Number(el.dataset.offsetYPx) };
  });
  const screen = (x: number, y: number) => ({ x: box.x + v.ox + x * v.s, y: box.y + v.oy + y * v.s });
  const start = screen(from.x, from.y);
  await page.evaluate(() => {
    performance.clearMeasures('meterplan:overlays');
    const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
    w.benchFrames = [];
    w.benchRecording = true;
    const loop = (t: number) => {
      w.benchFrames.push(t);
      if (w.benchRecording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const t0 = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    // 10 m out and back along x, with a 4 m swing in y: the device crosses walls and rooms.
    const u = i / MOVES;
    const dx = 10 * (u < 0.5 ? 2 * u : 2 - 2 * u);
    const dy = 4 * Math.sin(2 * Math.PI * u);
    const p = screen(from.x + dx, from.y + dy);
    await page.mouse.move(p.x, p.y);
  }
  await page.mouse.up();
  const durationMs = Date.now() - t0;
  const { frames, computeMs } = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
    w.benchRecording = false;
    return { frames: w.benchFrames, computeMs: performance.getEntriesByName('meterplan:overlays').map((e) => e.duration) };
  });
  const intervalsMs = frames.slice(2).map((t, i) => t - frames[i + 1]!);
  // Undo the drop, so every scenario starts from the same placement.
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  return { intervalsMs, computeMs, durationMs };
}

/** The functions that took the most time (self time) in a CPU profile, for METERPLAN_BENCH_PROFILE=1. */
function printProfile(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [name, us] of top) console.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const canvasBench: Bench = {
  name: 'canvas',
  async run() {
    const server = await startWebShell();
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('status-connection').waitFor();
      const { sensors, routers } = await makeProject(page, server.token);
      await page.waitForFunction(() => document.querySelector('[data-testid="count-walls"]')?.textContent === '200');
      await page.getByTestId('overlay-legend-toggle').click();
      const cellCount = 60 * 40;
      console.log(
        `Floor 60 m × 40 m, 1 m cells (${cellCount}), 200 walls, ${sensors.length} sensors (thesis disk, R_d 1.5 m), ${routers.length} routers, 1 gateway; ` +
          `${MOVES} mouse moves per drag; Chromium ${browser.version()} headless, 1440 × 900; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}).\n`,
      );
      console.log('| drag | frames | frame p50 (ms) | frame p95 (ms) | frame max (ms) | frames > 50 ms | overlays p50 / p95 (ms) | drag (s) |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const s of SCENARIOS) {
        await setOverlays(page, s.overlays);
        const from = s.device === 'sensor' ? sensors[22]! : routers[2]!;
        await drag(page, from); // warm-up: caches, JIT
        const profiler = process.env.METERPLAN_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
        if (profiler) {
          await profiler.send('Profiler.enable');
          await profiler.send('Profiler.start');
        }
        const d = await drag(page, from);
        if (profiler) printProfile((await profiler.send('Profiler.stop')).profile);
        const sorted = [...d.intervalsMs].sort((a, b) => a - b);
        const slow = sorted.filter((x) => x > 50).length;
        const compute = [...d.computeMs].sort((a, b) => a - b);
        console.log(
          `| ${s.name} | ${sorted.length} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.95).toFixed(1)} | ${sorted[sorted.length - 1]!.toFixed(1)} | ${slow} | ` +
            `${quantile(compute, 0.5).toFixed(2)} / ${quantile(compute, 0.95).toFixed(2)} | ${(d.durationMs / 1000).toFixed(2)} |`,
        );
      }
      await context.close();
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
