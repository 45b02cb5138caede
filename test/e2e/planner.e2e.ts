// The floor-plan editor in the real UI (web shell + Chromium), on the example office: draw a wall and
// see the received power drop behind it; drag a sensor and see coverage follow live; undo and redo;
// import a plan image (a bad file first) and calibrate its scale (a zero and a word first); reopen the
// file and find it all. Screenshots of each step go to test-results/e2e/planner/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makePng } from '../electron/project/png-fixture';
import { openApp, type AppSession } from './harness';
import { textOf, waitForText } from './page-helpers';

let app: AppSession;
const shot = (step: string) => app.screenshot('planner', step);

beforeAll(async () => {
  app = await openApp();
  await waitForText(app.page, 'floor-dimensions', '10 m × 8 m');
});

afterAll(async () => {
  await app?.close();
});

interface View {
  scale: number;
  ox: number;
  oy: number;
  left: number;
  top: number;
}

async function view(page: Page): Promise<View> {
  const box = (await page.getByTestId('plan-canvas').boundingBox())!;
  return page.evaluate(
    ({ left, top }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
      return { scale: Number(el.dataset.scalePxPerM), ox: Number(el.dataset.offsetXPx), oy: Number(el.dataset.offsetYPx), left, top };
    },
    { left: box.x, top: box.y },
  );
}

/** Page coordinates of a floor point (metres). */
const at = (v: View, x: number, y: number) => ({ x: v.left + v.ox + x * v.scale, y: v.top + v.oy + y * v.scale });

/** RGBA of the overlay layer (the stage's second canvas) at a floor point. */
function overlayPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([wx, wy]) => {
      const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
      const canvas = el.querySelectorAll('canvas')[1]!;
      const ratio = canvas.width / canvas.clientWidth;
      const px = Math.round((Number(el.dataset.offsetXPx) + wx! * Number(el.dataset.scalePxPerM)) * ratio);
      const py = Math.round((Number(el.dataset.offsetYPx) + wy! * Number(el.dataset.scalePxPerM)) * ratio);
      return Array.from(canvas.getContext('2d')!.getImageData(px, py, 1, 1).data);
    },
    [x, y],
  );
}

const brightness = (rgba: number[]) => rgba[0]! + rgba[1]! + rgba[2]!;

async function waitSaved(page: Page): Promise<void> {
  await waitForText(page, 'status-save', 'Saved');
}

describe('plan editor', () => {
  it('shows the editor, its tools and the live metrics on the example office', async () => {
    const { page } = app;
    await page.getByTestId('plan-toolbar').waitFor();
    await waitForText(page, 'metric-devices', '12 + 2');
    expect(await textOf(page, 'metric-cost')).toBe('14');
    // The thesis's 12 sensors (R_d = 1.5 m) on the 80 cells of 1 m: 75 covered, 11 twice or more.
    expect(await textOf(page, 'metric-coverage')).toBe('93.8 %');
    expect(await textOf(page, 'metric-over-coverage')).toBe('13.8 %');
    await shot('01 example office');
  });

  it('draws a wall, and the received power behind it drops while the side in front stays', async () => {
    const { page } = app;
    await page.getByTestId('overlay-legend-toggle').click();
    await page.getByTestId('overlay-toggle-power').check();
    await page.getByTestId('power-scale').waitFor();
    await page.waitForTimeout(300);
    const behind = { x: 5.5, y: 7.5 };
    const front = { x: 5.5, y: 5.5 };
    const beforeBehind = await overlayPixel(page, behind.x, behind.y);
    const beforeFront = await overlayPixel(page, front.x, front.y);
    expect(beforeBehind[3]).toBeGreaterThan(150); // the heatmap is drawn there
    await shot('02 received power');

    await page.keyboard.press('w');
    const material = page.getByTestId('wall-material');
    await material.selectOption((await material.locator('option', { hasText: 'Concrete' }).getAttribute('value'))!);
    const v = await view(page);
    const a = at(v, 1, 6.5);
    const b = at(v, 10, 6.5);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 3 });
    await shot('03 drawing a wall');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.press('Escape');
    await waitForText(page, 'count-walls', '9');
    await waitSaved(page);
    await page.waitForFunction(
      ([x, y, before]) => {
        const el = document.querySelector<HTMLElement>('[data-testid="plan-canvas"]')!;
        const canvas = el.querySelectorAll('canvas')[1]!;
        const ratio = canvas.width / canvas.clientWidth;
        const d = canvas.getContext('2d')!.getImageData(
          Math.round((Number(el.dataset.offsetXPx) + x! * Number(el.dataset.scalePxPerM)) * ratio),
          Math.round((Number(el.dataset.offsetYPx) + y! * Number(el.dataset.scalePxPerM)) * ratio),
          1,
          1,
        ).data;
        return d[0]! + d[1]! + d[2]! !== before;
      },
      [behind.x, behind.y, brightness(beforeBehind)] as const,
    );
    const afterBehind = await overlayPixel(page, behind.x, behind.y);
    const afterFront = await overlayPixel(page, front.x, front.y);
    // Viridis darkens as power falls: the concrete's loss on every path to that cell.
    expect(brightness(afterBehind)).toBeLessThan(brightness(beforeBehind) - 40);
    expect(afterFront).toEqual(beforeFront);
    await shot('04 wall drawn, power drops behind it');
    await page.keyboard.press('v');
  });

  it('drags a sensor: coverage follows during the drag, the drop is saved, undo and redo restore it', async () => {
    const { page } = app;
    await page.getByTestId('overlay-toggle-coverage').check();
    expect(await page.getByTestId('overlay-toggle-power').isChecked()).toBe(false);
    const before = await textOf(page, 'metric-coverage');
    const v = await view(page);
    // S7 stands at (6.5 m, 4.5 m); take it to the uncovered band along the south wall.
    const from = at(v, 6.5, 4.5);
    const to = at(v, 6.5, 7.5);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + (to.y - from.y) / 2, { steps: 6 });
    await page.mouse.move(to.x, to.y, { steps: 6 });
    // Still held: the metric already follows the sensor.
    await page.waitForFunction((b) => document.querySelector('[data-testid="metric-coverage"]')!.textContent !== b, before);
    const during = await textOf(page, 'metric-coverage');
    await shot('05 dragging a sensor');
    await page.mouse.up();
    await waitSaved(page);
    expect(await textOf(page, 'metric-coverage')).toBe(during);
    expect(during).not.toBe(before);
    await page.mouse.click(to.x, to.y);
    await page.getByTestId('device-y').waitFor();
    expect(await page.getByTestId('device-y').inputValue()).toBe('7.5');
    await shot('06 sensor dropped and selected');

    await page.mouse.click(v.left + 5, v.top + v.oy / 2); // off the floor: the canvas gets the keys
    await page.keyboard.press('Control+z');
    await waitForText(page, 'metric-coverage', before);
    await shot('07 undone');
    await page.keyboard.press('Control+Shift+z');
    await waitForText(page, 'metric-coverage', during);
    await waitSaved(page);
  });

  it('refuses a file that is not an image, imports a PNG, and calibrates its scale after refusing 0 and a word', async () => {
    const { page } = app;
    await page.getByTestId('overlay-toggle-coverage').uncheck();
    const input = page.getByTestId('plan-import-input');
    await input.setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture at all') });
    await waitForText(page, 'toast-error', '"plan.png" is not a PNG or JPEG image');
    expect(await page.getByTestId('plan-image-info').count()).toBe(0);
    expect(await textOf(page, 'count-walls')).toBe('9');
    await shot('08 not an image');

    // 500 × 400 px: a frame and a partition, like a scanned plan. Until calibrated it spans the 10 m floor.
    const png = makePng(500, 400, (x, y) => (x < 6 || y < 6 || x > 493 || y > 393 || (x > 245 && x < 251 && y < 250) ? [60, 60, 70] : [250, 250, 245]));
    await input.setInputFiles({ name: 'office.png', mimeType: 'image/png', buffer: png });
    await waitForText(page, 'plan-image-info', 'Plan image 500 × 400 px, 20 mm per pixel.');
    await page.getByTestId('calibration-panel').waitFor();
    await shot('09 plan image imported');

    // The partition's ends, 250 px apart on the image (0.02 m/px until calibrated).
    const v = await view(page);
    const p1 = at(v, 248 * 0.02, 0);
    const p2 = at(v, 248 * 0.02, 250 * 0.02);
    await page.mouse.click(p1.x, p1.y);
    await waitForText(page, 'calibration-step', 'Now click its other end.');
    await page.mouse.click(p2.x, p2.y);
    // Calibration points fall on the image's pixels.
    await waitForText(page, 'calibration-step', '250 px apart');
    const distance = page.getByTestId('calibration-distance');
    await distance.fill('0');
    await page.getByTestId('calibration-apply').click();
    await waitForText(page, 'calibration-error', 'The distance must be more than 0 m.');
    await shot('10 zero scale refused');
    await distance.fill('three');
    await page.keyboard.press('Enter');
    await waitForText(page, 'calibration-error', '“three” is not a number of metres.');
    expect(await textOf(page, 'floor-dimensions')).toBe('10 m × 8 m');
    // 250 px are 6 m: 0.024 m/px, the image (and the floor) is 12 m × 9.6 m.
    await distance.fill('6');
    await page.keyboard.press('Enter');
    await waitForText(page, 'floor-dimensions', '12 m × 9.6 m');
    await waitForText(page, 'plan-image-info', '24 mm per pixel');
    expect(await page.getByTestId('calibration-panel').count()).toBe(0);
    await page.getByTestId('plan-fit').click();
    await shot('11 calibrated');
  });

  it('reopens the project and finds the wall, the moved sensor, the plan image and its scale', async () => {
    const { page } = app;
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('close project');
    await page.keyboard.press('Enter');
    await page.getByTestId('tool-recent').click();
    await page.getByRole('menuitem', { name: /Thesis office/ }).click();
    await waitForText(page, 'floor-dimensions', '12 m × 9.6 m');
    expect(await textOf(page, 'count-walls')).toBe('9');
    await waitForText(page, 'plan-image-info', '24 mm per pixel');
    // The sensor dropped at (6.5 m, 7.5 m), scaled with the plan by 1.2.
    const v = await view(page);
    const s7 = at(v, 7.8, 9);
    await page.mouse.click(s7.x, s7.y);
    await page.getByTestId('device-y').waitFor();
    expect(await page.getByTestId('device-x').inputValue()).toBe('7.8');
    expect(await page.getByTestId('device-y').inputValue()).toBe('9');
    await shot('12 reopened');
    app.assertNoConsoleErrors();
  });
});
