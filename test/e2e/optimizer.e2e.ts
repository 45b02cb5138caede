// The Optimise area in the real UI (web shell + Chromium): a live NSGA-II front that grows, stopped
// early; a front point shown on the plan and made the placement; PDF, CSV and JSON exports checked on
// disk; the run found again after closing and reopening the project; the thesis's guided study.
// Screenshots of each step go to test-results/e2e/optimizer/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/plan-render/coordinates-csv';
import { openApp, type AppSession } from './harness';
import { textOf, waitForText } from './page-helpers';

let app: AppSession;
const TEST = 'optimizer';
const shot = (step: string) => app.screenshot(TEST, step);

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app?.close();
});

const attr = (page: Page, testId: string, name: string) =>
  page.evaluate(([id, n]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(n!) ?? null, [testId, name] as const);

const numberAttr = async (page: Page, testId: string, name: string) => Number(await attr(page, testId, name));

/** Screen positions of the points of stored fronts that can be clicked (written by the scatter on each draw). */
async function choosablePoints(page: Page): Promise<{ x: number; y: number }[]> {
  const box = (await page.getByTestId('pareto-scatter').boundingBox())!;
  const raw = (await attr(page, 'pareto-scatter', 'data-choosable-px')) ?? '';
  return raw
    .split(';')
    .filter(Boolean)
    .map((p) => p.split(',').map(Number))
    .map(([x, y]) => ({ x: box.x + x!, y: box.y + y! }));
}

async function exportTo(page: Page, format: 'pdf' | 'csv' | 'json', file: string): Promise<void> {
  await page.getByTestId(`export-${format}`).click();
  const input = page.getByTestId('export-path');
  await input.waitFor();
  // Prefilled in the documents folder with the building's name.
  expect(await input.inputValue()).toContain(app.server.documentsDir);
  await input.fill(file);
  if (format === 'pdf') await shot(`06 export ${format} dialog`);
  await page.getByTestId('export-submit').click();
  await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
}

describe('optimise area', () => {
  let placedAfterApply = 0;
  let runId = 0;

  it('checks the settings in the panel before sending them', async () => {
    const { page } = app;
    await page.getByTestId('plan-canvas').waitFor();
    await page.getByTestId('area-optimise').click();
    await page.getByTestId('optimise-view').waitFor();
    // The thesis preset is the default, with the objectives of the sensors problem and their directions.
    expect(await page.getByTestId('param-populationSize').inputValue()).toBe('80');
    expect(await page.getByTestId('param-generations').inputValue()).toBe('100');
    expect(await textOf(page, 'preset-badge')).toBe('Thesis preset');
    const objectives = await textOf(page, 'objective-list');
    expect(objectives).toMatch(/Cost \(units\)\s*min/);
    expect(objectives).toMatch(/Coverage \(%\)\s*max/);
    expect(await textOf(page, 'status-optimiser')).toBe('Optimiser idle');
    await shot('01 optimise area');

    await page.getByTestId('param-populationSize').fill('81');
    await page.getByTestId('param-crossoverProbability').fill('1.5');
    await page.getByTestId('optimizer-run').click();
    expect(await textOf(page, 'error-populationSize')).toBe('Must be even (children come in pairs): 80 or 82.');
    expect(await textOf(page, 'error-crossoverProbability')).toBe('A probability is between 0 and 1.');
    expect(await page.getByTestId('progress-list').count()).toBe(0);
    await shot('02 invalid parameters');
    await page.getByTestId('thesis-preset').click();
    expect(await page.getByTestId('param-populationSize').inputValue()).toBe('80');
    expect(await page.getByTestId('error-populationSize').isHidden()).toBe(true);
  });

  it('runs NSGA-II on the example: the front appears and grows live, and Stop keeps what was found', { timeout: 180_000 }, async () => {
    const { page } = app;
    // Long enough to watch: thousands of generations take seconds here.
    await page.getByTestId('param-generations').fill('5000');
    await page.getByTestId('optimizer-run').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.points) > 0);
    const early = { points: await numberAttr(page, 'pareto-scatter', 'data-points'), generation: await numberAttr(page, 'progress-nsga2', 'data-generation') };
    expect(await numberAttr(page, 'pareto-scatter', 'data-live')).toBe(1);
    await shot('03 front appears');
    // Later in the same run the front holds more solutions (however fast the machine is).
    await page
      .waitForFunction(
        (e) =>
          Number(document.querySelector<HTMLElement>('[data-testid="progress-nsga2"]')?.dataset.generation) > e.generation &&
          Number(document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.points) > e.points,
        early,
        { timeout: 90_000 },
      )
      .catch(async (e: Error) => {
        const now = { points: await numberAttr(page, 'pareto-scatter', 'data-points'), generation: await numberAttr(page, 'progress-nsga2', 'data-generation') };
        throw new Error(`the front did not grow: ${JSON.stringify({ early, now })} (${e.message})`);
      });
    const later = await numberAttr(page, 'pareto-scatter', 'data-points');
    expect(later).toBeGreaterThan(early.points);
    expect(await textOf(page, 'status-optimiser')).toMatch(/^Optimising · \d+ %/);
    await shot('04 front grows');

    await page.getByTestId('optimizer-stop').click();
    await page.getByTestId('optimizer-run').waitFor();
    await waitForText(page, 'progress-nsga2', 'Stored as run #');
    runId = Number(/#(\d+)/.exec(await textOf(page, 'progress-nsga2'))![1]);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.live === '0');
    expect(await textOf(page, 'status-optimiser')).toBe('Optimiser idle');
    await page.getByTestId('side-runs').click();
    expect(await textOf(page, `run-${runId}`)).toContain('stopped');
    await page.getByTestId('side-setup').click();
    await page.getByTestId('param-generations').fill('100');
  });

  it('shows a clicked front point on the plan, and "Use this solution" makes it the placement', async () => {
    const { page } = app;
    const before = await numberAttr(page, 'plan-canvas', 'data-devices');
    expect(before).toBe(15);
    // The cheapest solution that covers something: few sensors, so the plan visibly changes.
    const points = await choosablePoints(page);
    expect(points.length).toBeGreaterThan(3);
    const target = [...points].sort((a, b) => a.x - b.x)[1]!;
    await page.mouse.move(target.x, target.y);
    await page.getByTestId('chart-tooltip').waitFor();
    expect(await textOf(page, 'chart-tooltip')).toMatch(/Coverage \(%\)\s*[\d.]+\s%/);
    await page.mouse.click(target.x, target.y);
    await page.getByTestId('preview-badge').waitFor();
    const previewed = await numberAttr(page, 'solution-bar', 'data-preview-devices');
    expect(previewed).toBeGreaterThan(0);
    // The plan shows the solution's sensors in place of the current twelve (routers and gateway stay).
    expect(await numberAttr(page, 'plan-canvas', 'data-devices')).toBe(previewed + 3);
    expect(await textOf(page, 'solution-title')).toContain(`NSGA-II run #${runId}`);
    await page.mouse.move(5, 5);
    await shot('05 solution on the plan');

    await page.getByTestId('use-solution').click();
    await waitForText(page, 'solution-devices', "Now the floor's placement");
    await page.getByTestId('preview-badge').waitFor({ state: 'detached' });
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')?.dataset.devices) === n, previewed + 3);
    placedAfterApply = previewed + 3;
    // The Plan area shows the same placement, ready to edit.
    await page.getByTestId('area-plan').click();
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')?.dataset.devices) === n, placedAfterApply);
    await shot('05b placement in the plan area');
    await page.getByTestId('area-optimise').click();
    await page.getByTestId('optimise-view').waitFor();
  });

  it('exports the placement as PDF, CSV and JSON', async () => {
    const { page } = app;
    const dir = app.server.documentsDir;
    // The chosen run goes into the report.
    await exportTo(page, 'csv', path.join(dir, 'plan.csv'));
    await exportTo(page, 'json', path.join(dir, 'plan.json'));
    await exportTo(page, 'pdf', path.join(dir, 'report'));

    const csv = parseCsv(readFileSync(path.join(dir, 'plan.csv'), 'utf8'));
    if (!csv.ok) throw new Error(csv.message);
    const [header, ...rows] = csv.rows;
    expect(header).toEqual(['device', 'type', 'x_m', 'y_m', 'floor']);
    expect(rows).toHaveLength(placedAfterApply);

    const json = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { format: string; placement: unknown[] };
    expect(json.format).toBe('meterplan-deployment-plan');
    expect(json.placement).toHaveLength(placedAfterApply);

    // The extension was added to the typed name; the text has every device's coordinates and the cost.
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const [label, , x, y] of rows) {
      expect(text).toMatch(new RegExp(`${label}\\b.*\\s${Number(x).toFixed(2)}\\s+${Number(y).toFixed(2)}\\s`));
    }
    const devicesCost = rows.filter(([, type]) => !/gateway/i.test(type!)).length;
    expect(text).toMatch(new RegExp(`\\b${devicesCost} units\\b`));
    expect(text).toContain('NSGA-II');
    await shot('07 exported');
  });

  it('finds the run again after closing and reopening the project', async () => {
    const { page } = app;
    const file = await textOf(page, 'status-path');
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('close project');
    await page.keyboard.press('Enter');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('recent-list').getByRole('button', { name: /Thesis office/ }).first().click();
    await waitForText(page, 'status-path', file);
    await page.getByTestId('side-runs').click();
    await page.getByTestId(`run-${runId}`).waitFor();
    await page.getByTestId(`run-details-${runId}`).click();
    const details = await textOf(page, `run-info-${runId}`);
    expect(details).toMatch(/Seed\s*1/);
    expect(details).toMatch(/Population\s*80/);
    expect(details).toMatch(/Generations\s*5000/);
    expect(details).toContain('stopped by the user');
    await page.getByTestId(`compare-${runId}`).check();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.points) > 0);
    // The applied placement survived too.
    expect(await numberAttr(page, 'plan-canvas', 'data-devices')).toBe(placedAfterApply);
    await shot('08 run reopened');
  });

  // Seconds on an idle machine (8.6 s measured); the limits leave room for a loaded CI runner.
  it('reproduces the thesis study in one click: three algorithms compared on one chart', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.getByTestId('side-setup').click();
    await page.getByTestId('guided-run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="guided-example"]')?.getAttribute('data-step') === 'done', null, { timeout: 200_000 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.series === '3');
    const legend = await textOf(page, 'chart-legend');
    for (const name of ['NSGA-II', 'SPEA2', 'NSGA-III']) expect(legend).toContain(name);
    expect(await attr(page, 'guided-example', 'data-step')).toBe('done');
    await shot('09 thesis study compared');
    // The routers step too, on its own chart.
    await page.getByTestId('guided-show-routers').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="pareto-scatter"]')?.dataset.series === '3');
    await shot('10 thesis routers compared');
    await page.getByTestId('view-convergence').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="convergence-chart"]')?.dataset.series === '3');
    await shot('11 convergence');
    await page.getByTestId('guided-show-sensors').click();
    await page.getByTestId('view-parallel').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="parallel-chart"]')?.dataset.axes === '4');
    await shot('12 parallel coordinates');

    // A run deleted from the project leaves the list and the charts.
    await page.getByTestId('side-runs').click();
    const before = await numberAttr(page, 'runs-list', 'data-count');
    await page.getByTestId(`run-details-${runId}`).click();
    await page.getByTestId(`delete-${runId}`).click();
    await page.getByTestId(`confirm-delete-${runId}`).click();
    await page.getByTestId(`run-${runId}`).waitFor({ state: 'detached' });
    expect(await numberAttr(page, 'runs-list', 'data-count')).toBe(before - 1);
    await shot('13 run deleted');
    app.assertNoConsoleErrors();
  });
});
