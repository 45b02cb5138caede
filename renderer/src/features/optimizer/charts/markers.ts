// Marker shapes for front points: the algorithm gives the colour, the run's rank among runs of the same
// algorithm gives the shape (chart-model.ts), so overlaid runs stay apart in colour and in grey print.
import type { MarkerShape } from './chart-model';

/** Adds one marker of radius `r` (canvas pixels) centred on (x, y) to a path. */
export function addMarker(path: Path2D, shape: MarkerShape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'square': {
      const h = r * 0.88;
      path.rect(x - h, y - h, 2 * h, 2 * h);
      return;
    }
    case 'triangle': {
      const h = r * 1.15;
      path.moveTo(x, y - h);
      path.lineTo(x + h * 0.95, y + h * 0.7);
      path.lineTo(x - h * 0.95, y + h * 0.7);
      path.closePath();
      return;
    }
    case 'diamond': {
      const h = r * 1.2;
      path.moveTo(x, y - h);
      path.lineTo(x + h, y);
      path.lineTo(x, y + h);
      path.lineTo(x - h, y);
      path.closePath();
      return;
    }
  }
}

/** A legend swatch of the same shape, as an SVG path in a 12 × 12 box. */
export function markerSvgPath(shape: MarkerShape): string {
  switch (shape) {
    case 'circle':
      return 'M10.5 6 A4.5 4.5 0 1 1 1.5 6 A4.5 4.5 0 1 1 10.5 6 Z';
    case 'square':
      return 'M2 2 H10 V10 H2 Z';
    case 'triangle':
      return 'M6 1.2 L10.8 10 H1.2 Z';
    case 'diamond':
      return 'M6 0.8 L11.2 6 L6 11.2 L0.8 6 Z';
  }
}
