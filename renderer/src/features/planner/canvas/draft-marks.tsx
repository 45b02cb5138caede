// What is being drawn: the clicked points of a wall polyline or zone polygon, the segment following the
// pointer with its length, the snap mark, the rubber band and the calibration points. The pointer-rate
// parts move through an imperative handle (refs), not React state.
import type Konva from 'konva';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { Circle, Group, Line, Rect, Text } from 'react-konva';
import type { Point } from '../../../../../shared/model/building';
import type { Draft } from '../editor/editor-store';
import type { Rect as BandRect } from '../editor/selection';
import { hexWithAlpha } from './static-layer';

export interface DraftHandle {
  /** The pointer (snapped), or null when it left the canvas. `label` is shown beside it. */
  setCursor(p: Point | null, snapped: 'end' | 'grid' | null, label?: string): void;
  setBand(r: BandRect | null): void;
}

interface Props {
  readonly draft: Draft | null;
  /** Calibration points, already in metres. */
  readonly calibration: readonly Point[];
  readonly accent: string;
  readonly scalePxPerM: number;
}

export const DraftMarks = forwardRef<DraftHandle, Props>(function DraftMarks({ draft, calibration, accent, scalePxPerM }, ref) {
  const px = 1 / scalePxPerM;
  const rubber = useRef<Konva.Line>(null);
  const snap = useRef<Konva.Circle>(null);
  const label = useRef<Konva.Text>(null);
  const band = useRef<Konva.Rect>(null);
  const last = draft && draft.points.length > 0 ? draft.points[draft.points.length - 1]! : calibration.length === 1 ? calibration[0]! : null;

  // A finished or cancelled drawing leaves no segment or length behind the pointer.
  useEffect(() => {
    if (last !== null) return;
    rubber.current?.visible(false);
    label.current?.visible(false);
    rubber.current?.getLayer()?.batchDraw();
  }, [last]);

  useImperativeHandle(
    ref,
    () => ({
      setCursor(p, snapped, text) {
        const line = rubber.current;
        if (line) {
          line.visible(p !== null && last !== null);
          if (p && last) line.points([last.x, last.y, p.x, p.y]);
        }
        snap.current?.setAttrs({ visible: p !== null && snapped !== null, x: p?.x ?? 0, y: p?.y ?? 0, fill: snapped === 'end' ? accent : undefined });
        label.current?.setAttrs({ visible: p !== null && !!text, text: text ?? '', x: (p?.x ?? 0) + 10 * px, y: (p?.y ?? 0) + 8 * px });
        line?.getLayer()?.batchDraw();
      },
      setBand(r) {
        band.current?.setAttrs(r ? { visible: true, x: r.minX, y: r.minY, width: r.maxX - r.minX, height: r.maxY - r.minY } : { visible: false });
        band.current?.getLayer()?.batchDraw();
      },
    }),
    [last, accent, px],
  );

  const flat = (draft?.points ?? []).flatMap((p) => [p.x, p.y]);
  return (
    <Group listening={false}>
      {draft && <Line points={flat} stroke={accent} strokeWidth={2} strokeScaleEnabled={false} closed={false} fill={undefined} />}
      {draft?.points.map((p, i) => <Circle key={i} x={p.x} y={p.y} radius={3.5 * px} fill={accent} />)}
      {calibration.map((p, i) => (
        <Group key={`c${i}`} x={p.x} y={p.y}>
          <Line points={[-8 * px, 0, 8 * px, 0]} stroke={accent} strokeWidth={2} strokeScaleEnabled={false} />
          <Line points={[0, -8 * px, 0, 8 * px]} stroke={accent} strokeWidth={2} strokeScaleEnabled={false} />
        </Group>
      ))}
      {calibration.length === 2 && (
        <Line points={[calibration[0]!.x, calibration[0]!.y, calibration[1]!.x, calibration[1]!.y]} stroke={accent} strokeWidth={1.5} strokeScaleEnabled={false} dash={[6 * px, 4 * px]} />
      )}
      <Line ref={rubber} visible={false} stroke={accent} strokeWidth={1.5} strokeScaleEnabled={false} dash={[6 * px, 4 * px]} />
      <Circle ref={snap} visible={false} radius={5 * px} stroke={accent} strokeWidth={1.5} strokeScaleEnabled={false} />
      <Text ref={label} visible={false} fontSize={11 * px} fontFamily="system-ui, sans-serif" fill={accent} />
      <Rect ref={band} visible={false} stroke={accent} strokeWidth={1} strokeScaleEnabled={false} dash={[4 * px, 3 * px]} fill={hexWithAlpha(accent, 0.08)} />
    </Group>
  );
});
