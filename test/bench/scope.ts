// `npm run bench -- scope [--seconds S]`: the oscilloscope in Chromium through the web shell, the built-in
// virtual meter streaming at full rate (2 channels × 128 samples × 50 Hz, 1 Mbaud framing, in process).
// After a warm-up, the link is connected afresh and watched for S seconds (default 60): frames drawn per
// second, the end-to-end latency from a sample's generation — the back end's receipt of the block, which
// for the in-process meter is when the block's last sample was due, within its 5 ms timer — to the frame
// that draws it (p50/p95, from the scope's own 1 ms histogram), and frames or batches lost on the way.
// Needs the built web shell and renderer (`npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserType, Page } from 'playwright-core';
import type { Bench } from './benches';

const WARM_UP_MS = 3000;
/** out/bench/main.cjs → the repository (and the same from test/bench/ under tsx). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.METERPLAN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * playwright-core is required at run time, not bundled: esbuild cannot bundle it (it reads its own
 * package files), and the other benchmarks share this bundle. The E2E harness imports it statically,
 * hence this small copy of its start-up here.
 */
function chromium(): BrowserType {
  return (createRequire(import.meta.url)('playwright-core') as { chromium: BrowserType }).chromium;
}

/** `node out/web/server.cjs --port 0` on temporary data and documents folders; resolves with its URL. */
async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  for (const f of ['out/web/server.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` before this benchmark.`);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'meterplan-bench-scope-'));
  mkdirSync(path.join(tmp, 'data'));
  mkdirSync(path.join(tmp, 'documents'));
  const child = spawn(process.execPath, [path.join(ROOT, 'out/web/server.cjs'), '--port', '0', '--data-dir', path.join(tmp, 'data'), '--documents-dir', path.join(tmp, 'documents')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Meterplan web shell listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the web shell exited early (code ${code}): ${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function secondsArg(): number {
  const at = process.argv.indexOf('--seconds');
  if (at < 0) return 60;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 1 || value > 3600) throw new Error(`--seconds must be a number of seconds from 1 to 3600 (got "${process.argv[at + 1]}")`);
  return value;
}

/** A figure the UI shows ("1,234", "21 ms", "—" → NaN). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const n = Number(text.replace(/[^0-9.]/g, ''));
  return text.includes('—') || text.trim() === '' ? Number.NaN : n;
}

async function connectFresh(page: Page): Promise<void> {
  if (await page.getByTestId('disconnect').isVisible()) {
    await page.getByTestId('disconnect').click();
    await page.getByTestId('connect-form').waitFor();
  }
  await page.getByTestId('connect-path').fill('virtual:meter');
  await page.getByTestId('connect-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="scope-state"]')?.getAttribute('data-state') === 'triggered');
}

export const scopeBench: Bench = {
  name: 'scope',
  async run() {
    const seconds = secondsArg();
    const server = await startServer();
    let browser: Browser | null = null;
    try {
      browser = await chromium().launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(server.url);
      await page.getByTestId('area-scope').click();
      await page.getByTestId('scope-view').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="port-list"]')?.textContent?.includes('virtual:meter'));
      await connectFresh(page);
      await page.waitForTimeout(WARM_UP_MS);
      // The measured run: a new connection resets the display's figures.
      await connectFresh(page);
      const link0 = { frames: await figure(page, 'link-frames'), lost: await figure(page, 'link-lostFrames'), crc: await figure(page, 'link-crcErrors') };
      const load0 = loadavg()[0];
      const perSecond: number[] = [];
      const t0 = Date.now();
      while (Date.now() - t0 < seconds * 1000) {
        await page.waitForTimeout(1000);
        perSecond.push(await figure(page, 'display-fps'));
      }
      const elapsedS = (Date.now() - t0) / 1000;
      // The display figures refresh twice a second: let the last ones in.
      await page.waitForTimeout(600);
      const framesDrawn = await figure(page, 'display-frames');
      const row = {
        seconds: Math.round(elapsedS),
        'frames drawn': framesDrawn,
        'frames/s (mean)': (framesDrawn / elapsedS).toFixed(1),
        'frames/s (worst second)': Math.min(...perSecond.slice(1)),
        'latency p50 (ms)': await figure(page, 'display-latency-p50'),
        'latency p95 (ms)': await figure(page, 'display-latency-p95'),
        'link frames': (await figure(page, 'link-frames')) - link0.frames,
        'lost frames': (await figure(page, 'link-lostFrames')) - link0.lost,
        'CRC errors': (await figure(page, 'link-crcErrors')) - link0.crc,
        'batches lost': await figure(page, 'display-batch-gaps'),
      };
      console.table([row]);
      console.log(`sampling: ${await page.getByTestId('board-rate').textContent()}; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${process.platform}`);
    } finally {
      await browser?.close();
      await server.stop();
    }
  },
};
