// The calibration wizard in the real UI: the web shell with its built-in virtual meter, driven in
// Chromium. The reference readings are typed, as an engineer reads them off an instrument: the test knows
// the virtual meter's simulated line (230 V 50 Hz mains, the loads the wizard switches it to) and types
// its exact values. It walks every page to a saved calibration, checks the certificate's text with
// pdftotext, and finds the calibration again after closing and reopening the project.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAINS_PRESETS, scenarioTruth } from '../../shared/signal/waveform';
import { loadSpec } from '../../electron/services/virtual-meter/virtual-meter-config';
import { benchLoad } from '../../renderer/src/features/calibration/bench-loads';
import { openApp, RESULTS_DIR, slug, type AppSession } from './harness';
import { textOf, waitForText } from './page-helpers';

const TEST = 'calibration';
let app: AppSession;
let shot = 0;
const screenshot = (step: string) => app.screenshot(TEST, `${String(++shot).padStart(2, '0')} ${step}`);

/**
 * Two Modbus TCP "meters" that fail as real ones do: one accepts the connection and never answers, the
 * other answers every request with exception 2, ILLEGAL DATA ADDRESS (MODBUS Application Protocol
 * V1.1b3 §7: the function code with its high bit set, then the exception code, after the MBAP header).
 */
const servers: net.Server[] = [];
async function listen(onData: (socket: net.Socket, request: Buffer) => void): Promise<number> {
  const server = net.createServer((socket) => socket.on('data', (request) => onData(socket, request)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}
let silentPort = 0;
let exceptionPort = 0;

beforeAll(async () => {
  // Numbered screenshots of an earlier run would mix with this run's.
  rmSync(path.join(RESULTS_DIR, slug(TEST)), { recursive: true, force: true });
  app = await openApp();
  silentPort = await listen(() => undefined);
  exceptionPort = await listen((socket, request) => {
    if (request.length < 8) return;
    socket.write(Buffer.from([request[0]!, request[1]!, 0, 0, 0, 3, request[6]!, request[7]! | 0x80, 0x02]));
  });
});

afterAll(async () => {
  await app?.close();
  for (const s of servers) s.close();
});

/** What a perfect reference reads on the virtual meter's line at a bench load (the simulated truth). */
function truthAt(loadId: string) {
  const l = benchLoad(loadId);
  const t = scenarioTruth({ mains: MAINS_PRESETS['230V-50Hz'], load: loadSpec(l.load, l.powerW, l.powerFactor) });
  return { voltageV: t.vrmsV.toFixed(2), currentA: t.irmsA.toFixed(3), activePowerW: t.activePowerW.toFixed(1), powerFactor: Number.isFinite(t.powerFactor) ? t.powerFactor.toFixed(3) : '', frequencyHz: t.frequencyHz.toFixed(2) };
}

/** Puts the virtual meter on a bench load, as the engineer does with the page's Switch load button. */
async function switchLoad(page: Page, loadId: string): Promise<void> {
  await page.getByTestId('cal-bench-load').selectOption(loadId);
  const sw = page.getByTestId('cal-bench-switch');
  if (await sw.isEnabled()) await sw.click();
  // The button is disabled once the meter is on the chosen load.
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="cal-bench-switch"]')?.disabled === true);
}

/** Types the fields the page shows (only those present). */
async function typeReadings(page: Page, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    const input = page.getByTestId(`typed-${field}`);
    if ((await input.count()) === 0) continue;
    await input.fill(value);
  }
}

async function measure(page: Page, step: string): Promise<void> {
  const before = await page.getByTestId(`cal-step-${step}`).getAttribute('data-done');
  await page.getByTestId('cal-measure').click();
  await page.waitForFunction(
    ([s, was]) => {
      const failure = document.querySelector('[data-testid="cal-failure"]');
      const rail = document.querySelector(`[data-testid="cal-step-${s}"]`);
      const button = document.querySelector('[data-testid="cal-measure"]');
      return failure !== null || (rail?.getAttribute('data-done') === 'true' && (was !== 'true' || !/…/.test(button?.textContent ?? '')) && !/…/.test(button?.textContent ?? ''));
    },
    [step, before] as const,
  );
  const failure = page.getByTestId('cal-failure');
  if ((await failure.count()) > 0) throw new Error(`step ${step} failed: ${await failure.textContent()}`);
}

async function next(page: Page, expected: string): Promise<void> {
  await page.getByTestId('cal-next').click();
  await page.getByTestId(`cal-page-${expected}`).waitFor();
}

describe('calibration wizard', () => {
  it('opens on the board and reference page, with the virtual meter to choose', async () => {
    const { page } = app;
    await waitForText(page, 'status-save', 'Saved');
    await page.getByTestId('area-calibrate').click();
    await page.mouse.move(700, 880);
    await page.getByTestId('cal-page-setup').waitFor();
    const virtual = page.getByTestId('cal-board-virtual');
    await virtual.waitFor();
    expect(await virtual.textContent()).toContain('4D50564D00000001');
    expect(await virtual.locator('input').isChecked()).toBe(true);
    // The reference instrument is required: Next refuses an empty one, under the field.
    await page.getByTestId('cal-next').click();
    expect(await textOf(page, 'cal-instrument-error')).toBe('Required.');
    await page.getByTestId('cal-instrument').fill('Simulated reference (exact values)');
    await screenshot('board and reference');
    // The Modbus form, as an engineer would look at it before choosing typed readings.
    await page.getByTestId('cal-reference-modbus').click();
    await page.getByTestId('cal-transport-rtu').click();
    await screenshot('modbus reference form');
    await page.getByTestId('cal-reference-typed').click();
    await next(page, 'accuracy');
  });

  it('refuses a Modbus meter that does not answer or answers with an exception, with the reason, and touches nothing', async () => {
    const { page } = app;
    const tryMeter = async (port: number, expected: string): Promise<string> => {
      await page.getByTestId('cal-back').click();
      await page.getByTestId('cal-reference-modbus').click();
      await page.getByTestId('cal-transport-tcp').click();
      await page.getByTestId('cal-host').fill('127.0.0.1');
      await page.getByTestId('cal-tcpPort').fill(String(port));
      await page.getByTestId('cal-timeoutMs').fill('300');
      await next(page, 'accuracy');
      await page.getByTestId('cal-windowS').fill('0.5');
      await page.getByTestId('cal-next').click();
      await waitForText(page, 'cal-failure', expected);
      // No session started: the wizard stays on this page.
      expect(await page.getByTestId('cal-step-zero').isDisabled()).toBe(true);
      return textOf(page, 'cal-failure');
    };
    const silent = await tryMeter(silentPort, 'did not answer');
    expect(silent).toContain(`Siemens SENTRON PAC3200 at 127.0.0.1:${silentPort} (unit 1) did not answer the read of`);
    expect(silent).toContain('within 300 ms: check the unit id, the baud rate and parity, and the wiring.');
    expect(silent).toContain('Nothing was stored on the board: it keeps its previous calibration.');
    await screenshot('modbus meter not answering');
    const exception = await tryMeter(exceptionPort, 'exception');
    expect(exception).toContain('with Modbus exception 2 (ILLEGAL DATA ADDRESS): the register does not exist on this meter');
    await screenshot('modbus exception');
    await page.getByTestId('cal-back').click();
    await page.getByTestId('cal-reference-typed').click();
    await next(page, 'accuracy');
  });

  it('starts a class 1 session on the virtual meter', async () => {
    const { page } = app;
    expect(await page.getByTestId('cal-limits').textContent()).toContain('±1 %');
    await page.getByTestId('cal-windowS').fill('0.5');
    await screenshot('accuracy class');
    await page.getByTestId('cal-next').click();
    await page.getByTestId('cal-page-zero').waitFor();
    expect(await textOf(page, 'cal-step-setup')).toContain('Board 4D50564D00000001');
  });

  it('measures the zero with no load', async () => {
    const { page } = app;
    await switchLoad(page, 'none');
    expect(await textOf(page, 'cal-bench-now')).toBe('No load');
    await measure(page, 'zero');
    expect(await textOf(page, 'cal-fit')).toMatch(/Offsets: voltage [\d.]+ counts, current [\d.]+ counts/);
    await screenshot('zero');
    await next(page, 'voltage');
  });

  it('refuses a zero, negative or non-numeric reference with a clear message, then fits the voltage gain', async () => {
    const { page } = app;
    await switchLoad(page, 'r10');
    await page.getByTestId('typed-voltageV').fill('0');
    await page.getByTestId('cal-measure').click();
    expect(await textOf(page, 'typed-voltageV-error')).toBe('Must be greater than zero: a reading of zero or less cannot calibrate the board.');
    await page.getByTestId('typed-voltageV').fill('-230');
    await page.getByTestId('cal-measure').click();
    expect(await textOf(page, 'typed-voltageV-error')).toContain('Must be greater than zero');
    await page.getByTestId('typed-voltageV').fill('two hundred');
    await page.getByTestId('cal-measure').click();
    expect(await textOf(page, 'typed-voltageV-error')).toBe('Not a number: type digits, e.g. 230.1.');
    await page.getByTestId('typed-frequencyHz').fill('50');
    await screenshot('voltage refused reading');
    await typeReadings(page, truthAt('r10'));
    expect(await page.getByTestId('typed-voltageV-error').count()).toBe(0);
    await measure(page, 'voltage');
    // The virtual board's front end reads 2.3 % high on voltage before calibration.
    const row = await textOf(page, 'cal-point-0');
    expect(row).toContain('230.00 V');
    expect(await textOf(page, 'cal-fit')).toMatch(/Gain [\d.]+ V\/count from 1 point/);
    await screenshot('voltage');
    await next(page, 'current');
  });

  it('fits the current gain over two resistive loads near the top of the range', async () => {
    const { page } = app;
    for (const load of ['r40', 'r80']) {
      await switchLoad(page, load);
      await typeReadings(page, truthAt(load));
      await measure(page, 'current');
      await page.getByTestId(`cal-point-${load === 'r40' ? 0 : 1}`).waitFor();
    }
    expect(await textOf(page, 'cal-fit')).toMatch(/Gain [\d.]+ A\/count from 2 points/);
    expect(await textOf(page, 'cal-point-1')).toContain('80.000 A');
    await screenshot('current');
    await next(page, 'phase');
  });

  it('finds the phase error at PF 0.5 and says why it is measured there', async () => {
    const { page } = app;
    expect(await textOf(page, 'cal-phase-why')).toContain('3.0 %');
    await switchLoad(page, 'l20');
    await typeReadings(page, truthAt('l20'));
    await measure(page, 'phase');
    // The virtual board's current channel lags by its deliberate phase error: a correction of a few degrees.
    const fit = await textOf(page, 'cal-fit');
    const correction = Number(/correction ([−-]?[\d.]+)°/.exec(fit)?.[1]?.replace('−', '-'));
    expect(Math.abs(correction)).toBeGreaterThan(1);
    expect(Math.abs(correction)).toBeLessThan(5);
    await screenshot('phase');
    await next(page, 'unity');
  });

  it('checks the fit at unity power factor', async () => {
    const { page } = app;
    await switchLoad(page, 'r10');
    await typeReadings(page, truthAt('r10'));
    await measure(page, 'unity');
    const error = Number(/error ([+−-]?[\d.]+) %/.exec(await textOf(page, 'cal-fit'))?.[1]?.replace('−', '-').replace('+', ''));
    expect(Math.abs(error)).toBeLessThan(0.5);
    await screenshot('unity');
    await next(page, 'apply');
  });

  it('applies the coefficients to the board for verification', async () => {
    const { page } = app;
    expect(await textOf(page, 'cal-coefficients-voltageGainVPerCount')).toMatch(/V\/count/);
    await screenshot('apply before');
    await page.getByTestId('cal-apply').click();
    await page.getByTestId('cal-page-verify').waitFor();
  });

  it('verifies at 64 and 128 samples per period, in tables like the paper’s, and passes class 1', async () => {
    const { page } = app;
    const points: [string, 64 | 128][] = [
      ['r10', 64],
      ['r3', 64],
      ['l20', 64],
      ['r10', 128],
      ['l20', 128],
    ];
    for (const [load, spp] of points) {
      await switchLoad(page, load);
      await page.getByTestId(`verify-spp-${spp}`).click();
      await typeReadings(page, truthAt(load));
      const before = await page.locator('[data-testid^="verify-point-"]').count();
      await page.getByTestId('verify-measure').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="verify-point-"]').length > n || document.querySelector('[data-testid="cal-failure"]') !== null, before);
      if ((await page.getByTestId('cal-failure').count()) > 0) throw new Error(`verification ${load}@${spp}: ${await page.getByTestId('cal-failure').textContent()}`);
    }
    const t64 = await textOf(page, 'verify-table-64');
    const t128 = await textOf(page, 'verify-table-128');
    expect(t64).toContain('64 samples per period');
    expect(t128).toContain('128 samples per period');
    expect(t64).toContain('Resistive 2.3 kW (10 A)');
    expect(t64).toContain('Inductive 4.6 kVA, PF 0.5 (20 A)');
    expect(await page.getByTestId('cal-verdict').getAttribute('data-verdict')).toBe('pass');
    expect(await textOf(page, 'cal-verdict')).toContain('PASS — within the limits of class 1');
    await screenshot('verification');
    await page.getByTestId('verify-table-128').scrollIntoViewIfNeeded();
    await screenshot('verification 128');
    await next(page, 'finish');
  });

  it('stores the coefficients on the board, saves the calibration in the project and exports the certificate', async () => {
    const { page } = app;
    expect(await textOf(page, 'cal-finish-plan')).toContain("finishing stores the new coefficients in the board's EEPROM");
    await page.getByTestId('cal-operator').fill('E2E operator');
    await screenshot('finish before');
    await page.getByTestId('cal-finish').click();
    await page.getByTestId('cal-outcome').waitFor();
    await waitForText(page, 'cal-outcome-project', 'Saved in the project');
    expect(await textOf(page, 'cal-outcome-board')).toBe('The new coefficients are stored in the EEPROM of board 4D50564D00000001.');
    expect(await textOf(page, 'cal-outcome-project')).toMatch(/Saved in the project Thesis office as calibration #1\./);
    // The fitted voltage gain as the UI shows it (six significant digits, like the certificate).
    const gain = ((await page.getByTestId('cal-final-coefficients-voltageGainVPerCount').locator('td').nth(1).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').split(' ')[0];
    expect(gain).toMatch(/^0\.\d{4,6}$/);
    await screenshot('finished');

    await page.getByTestId('cal-certificate').click();
    const input = page.getByTestId('certificate-path');
    expect(await input.inputValue()).toMatch(/Calibration certificate 4D50564D00000001 \d{4}-\d{2}-\d{2}\.pdf$/);
    // A relative path is refused by the back end, the dialog stays with the reason.
    await input.fill('certificate.pdf');
    await page.getByTestId('certificate-submit').click();
    await waitForText(page, 'certificate-error', 'Give the full path of the certificate');
    const pdf = path.join(app.server.documentsDir, 'certificate');
    await input.fill(pdf);
    await screenshot('certificate dialog');
    await page.getByTestId('certificate-submit').click();
    await page.getByTestId('certificate-dialog').waitFor({ state: 'detached' });
    expect(existsSync(`${pdf}.pdf`)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', `${pdf}.pdf`, '-'], { encoding: 'utf8' });
    expect(text).toContain('Calibration certificate');
    expect(text).toContain('4D50564D00000001');
    expect(text).toContain('Simulated reference (exact values) (readings typed by the operator)');
    expect(text).toContain('E2E operator');
    expect(text).toMatch(/Result: PASS \(class 1/);
    expect(text).toContain('The new coefficients were stored in the board (EEPROM).');
    expect(text).toContain('64 samples per period');
    expect(text).toContain('128 samples per period');
    // The certificate's "After" column holds the voltage gain the UI showed.
    expect(text).toMatch(new RegExp(`Voltage gain\\s+[\\d.]+\\s+${gain.replace('.', '\\.')}\\s+V/count`));
  });

  it('finds the calibration in the project after closing and reopening it, and exports its certificate again', async () => {
    const { page } = app;
    await page.getByTestId('area-plan').click();
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('close project');
    await page.keyboard.press('Enter');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('recent-list').getByRole('button', { name: /Thesis office/ }).click();
    await waitForText(page, 'status-save', 'Saved');
    await page.getByTestId('area-calibrate').click();
    await page.getByTestId('cal-step-history').click();
    const row = page.getByTestId('cal-history-1');
    await row.waitFor();
    expect(await textOf(page, 'cal-history-1')).toContain('4D50564D00000001');
    expect(await textOf(page, 'cal-history-1-verdict')).toBe('pass');
    await screenshot('past calibrations');
    await page.getByTestId('cal-history-1-certificate').click();
    const again = path.join(app.server.documentsDir, 'again.pdf');
    await page.getByTestId('certificate-path').fill(again);
    await page.getByTestId('certificate-submit').click();
    await page.getByTestId('certificate-dialog').waitFor({ state: 'detached' });
    const text = execFileSync('pdftotext', ['-layout', again, '-'], { encoding: 'utf8' });
    expect(text).toContain('4D50564D00000001');
    expect(text).toMatch(/Result: PASS/);
    app.assertNoConsoleErrors();
  });
});
