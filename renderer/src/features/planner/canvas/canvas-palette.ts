// Colours of the canvas's own chrome (background, floor, grid, labels, selection) come from the theme's
// CSS variables, read when the theme changes; meaningful colours (devices, zones) come from theme/palette.ts.
export interface CanvasPalette {
  readonly background: string;
  readonly floor: string;
  readonly grid: string;
  readonly outline: string;
  readonly label: string;
  /** Ring around symbols so they stand out on walls and on each other. */
  readonly halo: string;
  /** Selection, drafts and snapping marks. */
  readonly accent: string;
}

const VARIABLES: Record<keyof CanvasPalette, string> = {
  background: '--canvas-bg',
  floor: '--canvas-floor',
  grid: '--canvas-grid',
  outline: '--canvas-outline',
  label: '--canvas-label',
  halo: '--canvas-halo',
  accent: '--accent',
};

export function readCanvasPalette(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): CanvasPalette {
  const out = {} as Record<keyof CanvasPalette, string>;
  for (const [k, v] of Object.entries(VARIABLES) as [keyof CanvasPalette, string][]) {
    out[k] = style.getPropertyValue(v).trim() || '#808080';
  }
  return out;
}
