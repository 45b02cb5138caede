// Small helpers over playwright-core for the end-to-end tests (no @playwright/test here: Vitest runs them).
import type { Page } from 'playwright-core';

/** Text of a data-testid element, with no-break spaces (between numbers and units) made plain. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  await el.waitFor();
  return ((await el.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** Waits until the element's text contains `expected` (the UI updates after the back end answers). */
export async function waitForText(page: Page, testId: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([id, text]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && (el.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').includes(text!);
    },
    [testId, expected] as const,
  );
}

export async function waitForValue(page: Page, testId: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([id, value]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value === value,
    [testId, expected] as const,
  );
}

/**
 * How many pixels of each colour the plan canvas shows (within a small distance, for anti-aliasing).
 * It reads Konva's canvases back, so it proves the symbols were drawn, not only listed in the DOM.
 */
export async function countCanvasColours(page: Page, colours: Record<string, string>): Promise<Record<string, number>> {
  return page.evaluate((wanted) => {
    const targets = Object.entries(wanted).map(([name, hex]) => {
      const n = parseInt(hex.slice(1), 16);
      return { name, r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
    });
    const counts: Record<string, number> = Object.fromEntries(targets.map((t) => [t.name, 0]));
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid="plan-canvas"] canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 250) continue;
        for (const t of targets) {
          if (Math.abs(data[i]! - t.r) + Math.abs(data[i + 1]! - t.g) + Math.abs(data[i + 2]! - t.b) <= 12) counts[t.name]!++;
        }
      }
    }
    return counts;
  }, colours);
}
