// SVG → PNG with resvg (a Rust renderer, no browser): the plan at a chosen resolution. The SVG's size
// is in CSS pixels (1/96 in), so a PNG at `dpi` is that size × dpi / 96.
// resvg-js is a native addon: build/scripts/build-node.mjs keeps it external to the bundles.
import { Resvg } from '@resvg/resvg-js';

export const MIN_DPI = 24;
export const MAX_DPI = 1200;
/** Above this many pixels a PNG is a mistake (and hundreds of MB of memory): 64 megapixels. */
export const MAX_PNG_PIXELS = 64e6;

/** The pixel size resvg gives an SVG of widthPx × heightPx CSS pixels at `dpi`. */
export function pngSize(widthPx: number, heightPx: number, dpi: number): { width: number; height: number } {
  const zoom = dpi / 96;
  return { width: Math.ceil(widthPx * zoom), height: Math.ceil(heightPx * zoom) };
}

export function renderPng(svg: string, dpi: number): { bytes: Buffer; width: number; height: number } {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 96 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  const image = r.render();
  return { bytes: image.asPng(), width: image.width, height: image.height };
}
