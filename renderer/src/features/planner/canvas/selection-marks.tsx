// Highlights of the selected walls and zones, on the interactive layer (devices mark themselves).
import { Circle, Line } from 'react-konva';
import type { Selection } from '../editor/selection';
import type { PlanScene } from './scene';

export function SelectionMarks({ scene, selection, accent, scalePxPerM }: { scene: PlanScene; selection: Selection; accent: string; scalePxPerM: number }) {
  const px = 1 / scalePxPerM;
  return (
    <>
      {scene.walls
        .filter((w) => selection.walls.includes(w.id))
        .map((w) => (
          <Line key={`w${w.id}`} listening={false} points={[...w.points]} stroke={accent} opacity={0.55} strokeWidth={Math.max(w.thicknessM, 2 * px) + 6 * px} lineCap="round" />
        ))}
      {scene.zones
        .filter((z) => selection.zones.includes(z.id))
        .map((z) =>
          z.polygon ? (
            <Line key={`z${z.id}`} listening={false} points={[...z.polygon]} closed stroke={accent} strokeWidth={3} strokeScaleEnabled={false} opacity={0.8} />
          ) : (
            <Circle key={`z${z.id}`} listening={false} x={z.point!.x} y={z.point!.y} radius={14 * px} stroke={accent} strokeWidth={3} strokeScaleEnabled={false} />
          ),
        )}
    </>
  );
}
