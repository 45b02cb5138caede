// End-to-end harness: the built web shell as a child process on a fresh data folder, driven through
// Debian's Chromium with playwright-core. It builds nothing: the test command builds first.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_BUNDLE = path.join(ROOT, 'out/web/server.cjs');
const RENDERER_INDEX = path.join(ROOT, 'out/renderer/index.html');
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e');
const CHROMIUM = process.env.METERPLAN_CHROMIUM ?? '/usr/bin/chromium';
const LISTENING = /Meterplan web shell listening on (\S+)/;
/** The server prints its URL as soon as it listens; well before this unless the machine is stuck. */
const SERVER_START_TIMEOUT_MS = 30_000;

export interface WebShellProcess {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
  readonly documentsDir: string;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

function assertBuilt(): void {
  for (const f of [SERVER_BUNDLE, RENDERER_INDEX]) {
    if (!existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}

/** Starts `node out/web/server.cjs --port 0` on a temporary data and documents folder. */
export async function startWebShell(): Promise<WebShellProcess> {
  assertBuilt();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'meterplan-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const documentsDir = path.join(tmp, 'documents');
  mkdirSync(dataDir);
  mkdirSync(documentsDir);
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [SERVER_BUNDLE, '--port', '0', '--data-dir', dataDir, '--documents-dir', documentsDir],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its URL within ${SERVER_START_TIMEOUT_MS / 1000} s`), SERVER_START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the web shell ${why}.\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const m = LISTENING.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.once('error', (e) => fail(`could not start: ${e.message}`));
  });

  const parsed = new URL(url);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    documentsDir,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install chromium, or set METERPLAN_CHROMIUM).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AppSession {
  readonly server: WebShellProcess;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page; a test fails on any (see `assertNoConsoleErrors`). */
  readonly consoleErrors: string[];
  /** Saves test-results/e2e/<test>/<step>.png and returns its path. */
  screenshot(test: string, step: string): Promise<string>;
  /** Fails on any console error except those matching `expected` (e.g. a reconnection a test caused). */
  assertNoConsoleErrors(expected?: readonly RegExp[]): void;
  close(): Promise<void>;
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** Starts the web shell and Chromium, and opens the printed URL (with its token) in a 1440 × 900 page. */
export async function openApp(): Promise<AppSession> {
  const server = await startWebShell();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', colorScheme: 'light' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
    await page.goto(server.url);
    const b = browser;
    return {
      server,
      browser: b,
      context,
      page,
      consoleErrors,
      async screenshot(test, step) {
        const dir = path.join(RESULTS_DIR, slug(test));
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${slug(step)}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      assertNoConsoleErrors(expected = []) {
        const unexpected = consoleErrors.filter((e) => !expected.some((re) => re.test(e)));
        if (unexpected.length) throw new Error(`the page logged errors:\n${unexpected.join('\n')}`);
      },
      async close() {
        // The browser goes first: a page whose server vanished would log reconnection errors.
        await b.close();
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.stop();
    throw e;
  }
}
