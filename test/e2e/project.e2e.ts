// The project workflow in the real UI: the web shell on a fresh data folder, driven in Chromium.
// The steps share one window and run in order, as a user would go: example → new → rename → save as →
// close → reopen → French → dark theme → a bad file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COLOURS } from '../../renderer/src/theme/palette';
import { openApp, type AppSession } from './harness';
import { countCanvasColours, textOf, waitForText, waitForValue } from './page-helpers';

let app: AppSession;

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app?.close();
});

const settingsFile = () => JSON.parse(readFileSync(path.join(app.server.dataDir, 'settings.json'), 'utf8')) as { settings: { language: string; theme: string } };

describe('project workflow', () => {
  it('shows the example office on first start', async () => {
    const { page } = app;
    await waitForText(page, 'floor-dimensions', '10 m × 8 m');
    expect(await textOf(page, 'floor-area')).toBe('80 m²');
    expect(await textOf(page, 'count-walls')).toBe('8');
    expect(await textOf(page, 'count-zones')).toBe('2');
    // The thesis's NSGA-II placement: 12 sensors and 2 routers, plus the gateway.
    expect(await textOf(page, 'count-sensor')).toBe('12');
    expect(await textOf(page, 'count-router')).toBe('2');
    expect(await textOf(page, 'count-gateway')).toBe('1');
    expect(await page.getByTestId('building-name').inputValue()).toBe('Thesis office (10 m × 8 m)');
    expect(await textOf(page, 'project-title')).toContain('Thesis office');
    expect(await textOf(page, 'status-save')).toBe('Saved');
    expect(await textOf(page, 'status-connection')).toBe('Back end connected');

    const canvas = page.getByTestId('plan-canvas');
    expect(await canvas.getAttribute('data-walls')).toBe('8');
    expect(await canvas.getAttribute('data-devices')).toBe('15');
    // Symbols really drawn: a sensor disc is ~150 px², a router diamond ~165 px² (7 px radius).
    const pixels = await countCanvasColours(page, { ...DEVICE_COLOURS, brick: '#c0392b' });
    expect(pixels.sensor).toBeGreaterThan(12 * 80);
    expect(pixels.router).toBeGreaterThan(2 * 80);
    expect(pixels.gateway).toBeGreaterThan(50);
    // The brick walls around the office: 36 m of 0.2 m wall at ~90 px/m is thousands of pixels.
    expect(pixels.brick).toBeGreaterThan(2000);
    // The web shell's token is kept out of the visible address.
    expect(page.url()).not.toContain('token=');
    await app.screenshot('project workflow', '01 example office');

    // The floor is fitted to the canvas (52 px margins), and stays fitted when the window shrinks.
    const fittedScale = () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
        return { scale: Number(el.dataset.scalePxPerM), expected: Math.min((el.clientWidth - 104) / 10, (el.clientHeight - 104) / 8) };
      });
    const wide = await fittedScale();
    expect(wide.scale).toBeCloseTo(wide.expected, 6);
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.waitForFunction((before) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!.dataset.scalePxPerM) < before, wide.scale);
    const narrow = await fittedScale();
    expect(narrow.scale).toBeCloseTo(narrow.expected, 6);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Wheel zoom around the pointer (one notch = ×1.2), drag to pan, Fit to come back.
    const viewState = () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
        return { scale: Number(el.dataset.scalePxPerM), offsetX: Number(el.dataset.offsetXPx) };
      });
    const box = (await page.getByTestId('plan-canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.waitForFunction((s) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!.dataset.scalePxPerM) === s, wide.scale);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -100);
    await page.waitForFunction((s) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!.dataset.scalePxPerM) > s, wide.scale);
    const zoomed = await viewState();
    expect(zoomed.scale / wide.scale).toBeCloseTo(1.2, 6);
    await page.mouse.down();
    await page.mouse.move(centre.x + 60, centre.y, { steps: 4 });
    await page.mouse.move(centre.x + 120, centre.y, { steps: 4 });
    await page.mouse.up();
    const panned = await viewState();
    expect(panned.scale).toBe(zoomed.scale);
    expect(panned.offsetX - zoomed.offsetX).toBeCloseTo(120, 0);
    await page.getByTestId('plan-fit').click();
    await page.waitForFunction((s) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!.dataset.scalePxPerM) === s, wide.scale);

    // The default theme, 'system', follows the desktop's preference as it changes.
    expect(settingsFile().settings.theme).toBe('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('creates a new project and renames its building', async () => {
    const { page } = app;
    await page.getByTestId('tool-new').click();
    await waitForText(page, 'floor-dimensions', '20 m × 15 m');
    await page.getByTestId('plan-empty-hint').waitFor();
    expect(await textOf(page, 'project-title')).toContain('Untitled');
    expect(await textOf(page, 'count-sensor')).toBe('0');
    expect(await page.getByTestId('building-name').inputValue()).toBe('Untitled building');

    const name = page.getByTestId('building-name');
    await name.fill('Rue des Lilas 12');
    await name.press('Enter');
    await waitForText(page, 'project-title', 'Rue des Lilas 12');
    await waitForText(page, 'status-save', 'Saved');
    // Committed in the file, not only on screen: a reload (which reconnects with the kept token) shows it.
    await page.reload();
    await waitForValue(page, 'building-name', 'Rue des Lilas 12');
    await app.screenshot('project workflow', '02 renamed new project');
  });

  it('saves as a chosen path, and shows a refusal without losing the typed path', async () => {
    const { page } = app;
    const docs = app.server.documentsDir;
    await page.getByTestId('tool-save-as').click();
    const input = page.getByTestId('path-input');
    await input.waitFor();
    // An untitled project is offered its building's name, in the documents folder.
    expect(await input.inputValue()).toBe(path.join(docs, 'Rue des Lilas 12.meterplan'));

    const missingFolder = path.join(docs, 'no-such-folder', 'lilas.meterplan');
    await input.fill(missingFolder);
    await page.getByTestId('path-submit').click();
    await waitForText(page, 'path-error', 'does not exist');
    expect(await input.inputValue()).toBe(missingFolder);
    await app.screenshot('project workflow', '03 save as refused');

    const target = path.join(docs, 'lilas.meterplan');
    await input.fill(target);
    await page.getByTestId('path-submit').click();
    await page.getByTestId('path-dialog').waitFor({ state: 'detached' });
    await waitForText(page, 'project-title', 'lilas');
    expect(await textOf(page, 'status-path')).toBe(target);
    expect(existsSync(target)).toBe(true);
  });

  it('closes the project and reopens it from the recent list', async () => {
    const { page } = app;
    // Through the command palette, as a keyboard user would.
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('close project');
    await app.screenshot('project workflow', '04 command palette');
    await page.keyboard.press('Enter');
    await page.getByTestId('welcome').waitFor();
    expect(await textOf(page, 'status-bar')).toContain('No project open');
    const recent = page.getByTestId('recent-list');
    expect(await recent.textContent()).toContain('lilas');
    await app.screenshot('project workflow', '05 welcome');

    await recent.getByRole('button', { name: /lilas/ }).click();
    await waitForValue(page, 'building-name', 'Rue des Lilas 12');
    expect(await textOf(page, 'project-title')).toContain('lilas');
  });

  it('switches the language to French and back, and keeps the choice', async () => {
    const { page } = app;
    await page.getByTestId('tool-language').click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await waitForText(page, 'status-save', 'Enregistré');
    expect(await page.getByTestId('area-optimise').getAttribute('aria-label')).toBe('Optimiser');
    expect(await textOf(page, 'plan-inspector')).toContain('Capteurs');
    expect(await textOf(page, 'tool-save-as')).toBe('Enregistrer sous…');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(settingsFile().settings.language).toBe('fr');
    await page.reload();
    await waitForText(page, 'status-connection', 'Moteur connecté');
    await app.screenshot('project workflow', '06 french');

    await page.getByTestId('tool-language').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await waitForText(page, 'status-save', 'Saved');
    expect(await textOf(page, 'plan-inspector')).toContain('Sensors');
    expect(settingsFile().settings.language).toBe('en');
  });

  it('toggles the dark theme, and reopens the example from the recent menu in it', async () => {
    const { page } = app;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByTestId('tool-theme').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    // Dark means dark: the body's luminance drops below a fifth of white.
    const [r, g, b] = (dark.match(/\d+/g) ?? []).map(Number);
    expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(51);
    expect(settingsFile().settings.theme).toBe('dark');
    await page.getByTestId('area-scope').click();
    await app.screenshot('project workflow', '07 dark scope');
    await page.getByTestId('area-plan').click();

    await page.getByTestId('tool-recent').click();
    await app.screenshot('project workflow', '08 recent menu');
    await page.getByRole('menuitem', { name: /Thesis office/ }).click();
    await waitForText(page, 'floor-dimensions', '10 m × 8 m');
    expect(await textOf(page, 'count-sensor')).toBe('12');
    // The canvas follows the theme: its chrome is read from the dark CSS variables.
    const pixels = await countCanvasColours(page, { darkFloor: '#1f242b', lightFloor: '#ffffff' });
    expect(pixels.darkFloor).toBeGreaterThan(10_000);
    expect(pixels.lightFloor).toBe(0);
    await app.screenshot('project workflow', '09 dark plan');
    await page.getByTestId('tool-theme').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('refuses a file that is not a project with a clear message, and leaves it untouched', async () => {
    const { page } = app;
    const bad = path.join(app.server.documentsDir, 'x.meterplan');
    const content = 'This is a shopping list, not a building.\n';
    writeFileSync(bad, content);
    await page.getByTestId('tool-open').click();
    const input = page.getByTestId('path-input');
    await input.fill(bad);
    await page.getByTestId('path-submit').click();
    await waitForText(page, 'path-error', 'x.meterplan is not a Meterplan project');
    expect(await input.inputValue()).toBe(bad);
    expect(readFileSync(bad, 'utf8')).toBe(content);
    await app.screenshot('project workflow', '10 bad file');
    await page.keyboard.press('Escape');
    await page.getByTestId('path-dialog').waitFor({ state: 'detached' });
    // The open project is still the one before.
    expect(await textOf(page, 'project-title')).toContain('Thesis office');
  });

  it('logged no errors in the page', () => {
    app.assertNoConsoleErrors();
  });
});
