// The heatmaps (coverage, received power, over-covered cells): one Konva.Image each, one pixel per grid
// cell, scaled onto the floor without smoothing. They are redrawn from the live plan's results through
// refs — never through React state — so a dragged sensor repaints its coverage every frame.
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Image as KonvaImage, Layer } from 'react-konva';
import { countRgb, overCoverageRgb, powerRgb, probabilityRgb, rasterise } from '../overlays/colour-scales';
import type { OverlayFlags, OverlayResult } from '../overlays/overlay-engine';
import type { OverlayStatics } from '../overlays/overlay-statics';
import { livePlan } from '../live/live-plan';

type Heatmap = 'power' | 'coverage' | 'overCoverage';
const HEATMAPS: readonly Heatmap[] = ['power', 'coverage', 'overCoverage'];
/** Opacity of each heatmap: the floor plan stays readable under coverage, power is read on its own. */
const ALPHA: Record<Heatmap, number> = { power: 0.8, coverage: 0.72, overCoverage: 0.45 };

function pixelsOf(kind: Heatmap, r: OverlayResult): Uint8ClampedArray | null {
  const s = r.statics;
  if (kind === 'power') {
    const dbm = r.power?.dbm;
    if (!dbm || r.power!.transmitters === 0) return null;
    return rasterise(s, (c) => powerRgb(dbm[c]!), ALPHA.power);
  }
  if (kind === 'coverage') {
    if (r.coverage.detectingSensors === 0) return rasterise(s, () => countRgb(0), ALPHA.coverage);
    const { probabilistic, probability, degree } = r.coverage;
    return rasterise(s, (c) => (probabilistic ? probabilityRgb(probability[c]!, r.threshold) : countRgb(degree[c]!)), ALPHA.coverage);
  }
  return rasterise(s, (c) => overCoverageRgb(r.coverage.degree[c]!), ALPHA.overCoverage);
}

function paint(node: Konva.Image, canvas: HTMLCanvasElement, s: OverlayStatics, pixels: Uint8ClampedArray): void {
  const { cols, rows, originX, originY, pitchM } = s.cells.lattice;
  if (canvas.width !== cols || canvas.height !== rows) {
    canvas.width = cols;
    canvas.height = rows;
  }
  canvas.getContext('2d')!.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, cols, rows), 0, 0);
  node.setAttrs({ image: canvas, x: originX, y: originY, width: cols * pitchM, height: rows * pitchM, visible: true });
}

export function OverlayLayer({ flags }: { flags: OverlayFlags }) {
  const layerRef = useRef<Konva.Layer>(null);
  const nodes = useRef<Partial<Record<Heatmap, Konva.Image | null>>>({});
  const canvases = useRef<Partial<Record<Heatmap, HTMLCanvasElement>>>({});
  const flagsRef = useRef(flags);
  flagsRef.current = flags;

  useEffect(() => {
    const draw = (r: OverlayResult | null) => {
      for (const kind of HEATMAPS) {
        const node = nodes.current[kind];
        if (!node) continue;
        const pixels = r && flagsRef.current[kind] ? pixelsOf(kind, r) : null;
        if (!pixels || !r) {
          node.visible(false);
          continue;
        }
        const canvas = (canvases.current[kind] ??= document.createElement('canvas'));
        paint(node, canvas, r.statics, pixels);
      }
      layerRef.current?.batchDraw();
    };
    draw(livePlan.current);
    return livePlan.subscribe(draw);
  }, [flags]);

  return (
    <Layer ref={layerRef} listening={false} imageSmoothingEnabled={false}>
      {HEATMAPS.map((kind) => (
        <KonvaImage key={kind} ref={(n) => void (nodes.current[kind] = n)} image={undefined} visible={false} />
      ))}
    </Layer>
  );
}
