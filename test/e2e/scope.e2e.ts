// The metering bench in the real UI (Chromium through the web shell): the built-in virtual meter
// connected, a stable triggered sine, the measurement panel against the simulated line (with the board's
// deliberate errors, then calibrated), a capture stored with a note and found again after the project is
// closed and reopened, the CSV of the screen, and the hostile links — no such port, a board that never
// answers, a wrong baud rate, an unplug and its reconnect — each with a clear state. Screenshots go to
// test-results/e2e/scope/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';
import { textOf, waitForText } from './page-helpers';

const TEST = 'scope';
let app: AppSession;

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app?.close();
});

/** A reading such as "230.1 V" or "2 300.4 W" as a number (English formatting). */
async function reading(testId: string): Promise<number> {
  const text = await textOf(app.page, testId);
  return Number(text.replace(/[^0-9.\-−]/g, '').replace('−', '-'));
}

/** The scope plot's data attributes after each new frame, `count` frames in a row. */
async function frames(count: number): Promise<{ frames: number; triggered: string; firstV: number; firstMs: number }[]> {
  const out: { frames: number; triggered: string; firstV: number; firstMs: number }[] = [];
  let last = 0;
  while (out.length < count) {
    const handle = await app.page.waitForFunction(
      (after) => {
        const el = document.querySelector<HTMLElement>('[data-testid="scope-plot"]');
        const n = Number(el?.dataset.frames ?? 0);
        return n > after ? { frames: n, triggered: el!.dataset.triggered!, firstV: Number(el!.dataset.firstAfterTriggerV), firstMs: Number(el!.dataset.firstAfterTriggerMs) } : null;
      },
      last,
      { polling: 'raf' },
    );
    const f = (await handle.jsonValue())!;
    last = f.frames;
    out.push(f);
  }
  return out;
}

describe('scope', () => {
  it('connects to the virtual meter and shows a stable triggered sine', async () => {
    const { page } = app;
    await page.getByTestId('area-scope').click();
    await page.getByTestId('scope-view').waitFor();
    await waitForText(page, 'port-list', 'virtual:meter');
    expect(await page.getByTestId('connect-path').inputValue()).toBe('virtual:meter');
    await app.screenshot(TEST, '01 ready to connect');
    await page.getByTestId('connect-submit').click();
    await waitForText(page, 'link-status', 'Board 4D50…0001');
    await waitForText(page, 'scope-state', 'Triggered');
    await waitForText(page, 'status-board', 'Board 4D50…0001');
    // Twenty successive frames, each triggered on the rising zero crossing: the first sample after the
    // trigger point lies between the level (0 V) and one sample's rise later (2π·50 Hz·325 V / 6400 S/s
    // ≈ 16 V), within one sample period (156 µs) of it — a steady picture, not a rolling one.
    const seen = await frames(20);
    for (const f of seen) {
      expect(f.triggered).toBe('true');
      expect(f.firstV).toBeGreaterThanOrEqual(0);
      expect(f.firstV).toBeLessThan(16.5);
      expect(f.firstMs).toBeGreaterThanOrEqual(0);
      expect(f.firstMs).toBeLessThan(1000 / 6400 + 1e-6);
    }
    await app.screenshot(TEST, '02 triggered sine');
  });

  it('reads the measurement panel: the uncalibrated board reads 2.3 % high, the calibrated one within 0.5 %', async () => {
    const { page } = app;
    // The meter's stated errors (TYPICAL_ADC_ERRORS): voltage gain +2.3 %, current gain −3.2 %.
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="measure-vrms"]')?.textContent ?? ''));
    const vUncal = await reading('measure-vrms');
    expect(Math.abs(vUncal / (230 * 1.023) - 1)).toBeLessThan(0.005);
    await page.getByTestId('virtual-errors').selectOption('calibrated');
    await page.waitForFunction(() => {
      const v = Number((document.querySelector('[data-testid="measure-vrms"]')?.textContent ?? '').replace(/[^0-9.]/g, ''));
      return Math.abs(v / 230 - 1) < 0.005;
    });
    // A few windows later it stays there: Vrms, Irms and P of 2300 W resistive, 50 Hz, PF 1.
    await page.waitForTimeout(600);
    expect(Math.abs((await reading('measure-vrms')) / 230 - 1)).toBeLessThan(0.005);
    expect(Math.abs((await reading('measure-irms')) / 10 - 1)).toBeLessThan(0.005);
    expect(Math.abs((await reading('measure-p')) / 2300 - 1)).toBeLessThan(0.01);
    expect(Math.abs((await reading('measure-f')) - 50)).toBeLessThan(0.01);
    expect(await reading('measure-pf')).toBeGreaterThan(0.995);
    await waitForText(page, 'measure-temperature', '°C');
    expect(await textOf(page, 'link-lostFrames')).toBe('0');
    expect(await textOf(page, 'link-crcErrors')).toBe('0');
    await app.screenshot(TEST, '03 calibrated readings');
  });

  it('shows the LED driver’s harmonics and moves the cursors', async () => {
    const { page } = app;
    await page.getByTestId('virtual-load').selectOption('led');
    await page.getByTestId('virtual-power-w').fill('600');
    await page.getByTestId('virtual-power-w').press('Enter');
    // The LED driver's 3rd harmonic is 80 % of its fundamental (shared/signal/waveform.ts).
    await page.waitForFunction(() => Math.abs(Number(document.querySelector<HTMLElement>('[data-testid="harmonics-chart"]')?.dataset.order3CurrentPct) - 80) < 2);
    await page.getByTestId('scope-autoset').click();
    await page.getByTestId('scope-cursors').click();
    const readout = page.getByTestId('cursor-readout');
    await readout.waitFor();
    // Cursors start at 0 and 10 ms: half a period of 50 Hz.
    await waitForText(page, 'cursor-delta', 'Δt 10.00 ms (100.000 Hz)');
    await app.screenshot(TEST, '04 led driver harmonics and cursors');
    await page.getByTestId('virtual-load').selectOption('resistive');
    await page.getByTestId('virtual-power-w').fill('2300');
    await page.getByTestId('virtual-power-w').press('Enter');
    await page.getByTestId('scope-cursors').click();
  });

  it('captures the view with a note, writes its CSV, and finds the capture after the project is reopened', async () => {
    const { page } = app;
    const note = 'Kettle circuit, before descaling';
    await page.getByTestId('scope-capture').click();
    await page.getByTestId('capture-note').fill(note);
    await app.screenshot(TEST, '05 capture dialog');
    await page.getByTestId('capture-submit').click();
    await page.getByTestId('capture-dialog').waitFor({ state: 'detached' });
    await waitForText(page, 'toast-info', 'Capture 1 stored');

    await page.getByTestId('scope-csv').click();
    const csvPath = path.join(app.server.documentsDir, 'screen.csv');
    await page.getByTestId('csv-dialog-path').fill(csvPath);
    await page.getByTestId('csv-dialog-submit').click();
    await page.getByTestId('csv-dialog').waitFor({ state: 'detached' });
    expect(existsSync(csvPath)).toBe(true);
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines).toContain('time_ms,voltage_V,current_A,power_W');
    // 10 divisions of the time base, at 6400 S/s.
    const rows = lines.filter((l) => /^-?\d/.test(l));
    expect(rows.length).toBeGreaterThan(300);

    const projectPath = await textOf(page, 'status-path');
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('close project');
    await page.keyboard.press('Enter');
    await waitForText(page, 'status-bar', 'No project open');
    await page.getByTestId('area-plan').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('recent-list').getByRole('button', { name: new RegExp(path.basename(projectPath, '.meterplan')) }).click();
    await waitForText(page, 'status-path', projectPath);
    await page.getByTestId('area-monitor').click();
    await page.getByTestId('monitor-view').waitFor();
    await waitForText(page, 'captures-table', note);
    await app.screenshot(TEST, '06 capture found after reopening');
  });

  it('records one-minute aggregates into the project and shows them in the Monitor', async () => {
    const { page } = app;
    await page.getByTestId('recording-note').fill('e2e session');
    await page.getByTestId('recording-toggle').click();
    await waitForText(page, 'recording-status', 'Recording board');
    await page.getByTestId('rule-value').fill('2000');
    await page.getByTestId('rule-add').click();
    // 2300 W against "above 2000 W": a live alert within a second, in the Monitor and the status bar.
    await waitForText(page, 'live-alert', 'Active power above 2,000');
    await waitForText(page, 'status-alert', 'Active power above');
    // The recorder writes every 5 s.
    await waitForText(page, 'recording-status', '1 min written');
    await page.getByTestId('monitor-refresh').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="power-trend"]')?.dataset.points) >= 1);
    await app.screenshot(TEST, '07 monitor recording');
    await page.getByTestId('recording-toggle').click();
    await waitForText(page, 'sessions-table', '4D50564D00000001');
  });

  it('explains a port that does not exist, a silent board, a wrong baud rate, and an unplug', async () => {
    const { page } = app;
    await page.getByTestId('area-scope').click();
    await page.getByTestId('disconnect').click();
    await page.getByTestId('connect-form').waitFor();
    await page.getByTestId('connect-path').fill('/dev/ttyMeterplanNope');
    await page.getByTestId('connect-submit').click();
    await waitForText(page, 'connect-error', 'There is no such port');
    await waitForText(page, 'status-board', 'Could not connect to /dev/ttyMeterplanNope');
    await app.screenshot(TEST, '08 no such port');

    await page.getByTestId('virtual-fault').selectOption('silent');
    await page.getByTestId('connect-path').fill('virtual:meter');
    await page.getByTestId('connect-submit').click();
    await waitForText(page, 'connect-error', 'never answered the handshake');
    await app.screenshot(TEST, '09 silent board');

    await page.getByTestId('virtual-fault').selectOption('wrong-baud');
    await page.getByTestId('connect-submit').click();
    await waitForText(page, 'connect-error', 'most likely a wrong baud rate');
    await app.screenshot(TEST, '10 wrong baud rate');

    await page.getByTestId('virtual-fault').selectOption('none');
    await page.getByTestId('connect-submit').click();
    await waitForText(page, 'scope-state', 'Triggered');
    await page.getByTestId('virtual-unplug').click();
    await waitForText(page, 'virtual-state', 'Cable pulled out');
    await waitForText(page, 'status-board', 'Link lost — reconnecting');
    await waitForText(page, 'scope-state', 'No signal');
    await waitForText(page, 'link-status', 'Link lost — reconnecting');
    await app.screenshot(TEST, '11 unplugged');
    await waitForText(page, 'link-status', 'Board 4D50…0001');
    await waitForText(page, 'link-reconnects', '1');
    await waitForText(page, 'scope-state', 'Triggered');
    await app.screenshot(TEST, '12 reconnected');
    app.assertNoConsoleErrors();
  });
});
