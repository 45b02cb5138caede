// The plan's lines: grid, zones and walls. It changes only when the plan does (memoised on the scene,
// Excalidraw's static/interactive split). Walls and zones answer the pointer (named item:wall:ID,
// item:zone:ID) so the editor can select and split them; the grid does not.
import { memo } from 'react';
import { Circle, Layer, Line, Shape } from 'react-konva';
import { ZONE_COLOURS } from '../../../theme/palette';
import type { CanvasPalette } from './canvas-palette';
import type { PlanScene, SceneZone } from './scene';

/** Walls thinner than this on screen would vanish when zoomed out. */
const MIN_WALL_PX = 2;
/** How far from a wall or a zone's edge a click still hits it, in screen pixels. */
export const HIT_PX = 10;

interface Props {
  readonly scene: PlanScene;
  readonly palette: CanvasPalette;
  readonly scalePxPerM: number;
  readonly showGrid: boolean;
}

function StaticLayerImpl({ scene, palette, scalePxPerM, showGrid }: Props) {
  const { bounds, grid } = scene;
  const px = 1 / scalePxPerM; // one screen pixel in metres
  return (
    <Layer>
      {showGrid && (
        <Shape
          listening={false}
          stroke={palette.grid}
          strokeWidth={1}
          strokeScaleEnabled={false}
          sceneFunc={(ctx, shape) => {
            // One path for every grid line: thousands of Line nodes would be slow to draw.
            ctx.beginPath();
            for (const x of grid.xs) {
              ctx.moveTo(x, bounds.minY);
              ctx.lineTo(x, bounds.maxY);
            }
            for (const y of grid.ys) {
              ctx.moveTo(bounds.minX, y);
              ctx.lineTo(bounds.maxX, y);
            }
            ctx.strokeShape(shape);
          }}
        />
      )}
      {scene.zones.map((z) => (
        <ZoneShape key={z.id} zone={z} px={px} />
      ))}
      <Line points={[...scene.outline]} closed stroke={palette.outline} strokeWidth={1.5} strokeScaleEnabled={false} listening={false} />
      {scene.walls.map((w) => (
        <Line
          key={w.id}
          name={`item:wall:${w.id}`}
          points={[...w.points]}
          stroke={w.colour}
          strokeWidth={Math.max(w.thicknessM, MIN_WALL_PX * px)}
          hitStrokeWidth={Math.max(w.thicknessM, HIT_PX * px)}
          lineCap="square"
        />
      ))}
    </Layer>
  );
}

function ZoneShape({ zone, px }: { zone: SceneZone; px: number }) {
  const colour = ZONE_COLOURS[zone.kind];
  const name = `item:zone:${zone.id}`;
  if (zone.polygon) {
    const polygon = zone.polygon;
    // Konva has no separate fill opacity: an rgba fill keeps the dashed border opaque.
    const fillOpacity = zone.kind === 'exclusion' ? 0.16 : 0.06;
    return (
      <Line
        name={name}
        points={[...polygon]}
        closed
        fill={hexWithAlpha(colour, fillOpacity)}
        stroke={colour}
        strokeWidth={1}
        strokeScaleEnabled={false}
        dash={[6 * px, 4 * px]}
        // In screen pixels, like the stroke (strokeScaleEnabled is off).
        hitStrokeWidth={HIT_PX}
        // Only the border is hit: a zone covering the floor must not catch every click on it.
        hitFunc={(ctx, shape) => {
          ctx.beginPath();
          ctx.moveTo(polygon[0]!, polygon[1]!);
          for (let i = 2; i < polygon.length; i += 2) ctx.lineTo(polygon[i]!, polygon[i + 1]!);
          ctx.closePath();
          ctx.strokeShape(shape);
        }}
      />
    );
  }
  const p = zone.point!;
  return <Circle name={name} x={p.x} y={p.y} radius={11 * px} stroke={colour} strokeWidth={1.5} strokeScaleEnabled={false} dash={[3 * px, 2 * px]} hitStrokeWidth={HIT_PX} />;
}

export function hexWithAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export const StaticLayer = memo(StaticLayerImpl);
