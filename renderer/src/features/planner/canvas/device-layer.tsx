// Device symbols and labels, drawn at a constant size on screen, on the interactive layer. Placed
// devices can be dragged (select tool); a previewed solution's devices are ghosts (translucent, dashed,
// not draggable). Nodes are named item:device:ID so the editor finds them on a click or a drag.
import type Konva from 'konva';
import { memo } from 'react';
import { Circle, Group, RegularPolygon, Rect, Text } from 'react-konva';
import type { DeviceKind } from '../../../../../shared/model/building';
import { DEVICE_COLOURS } from '../../../theme/palette';
import type { LiveDevice } from '../overlays/overlay-statics';
import type { CanvasPalette } from './canvas-palette';
import { hexWithAlpha } from './static-layer';

/** Symbol size on screen, whatever the zoom. */
export const SYMBOL_RADIUS_PX = 7;

export interface DragHandlers {
  onDragStart(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragMove(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragEnd(e: Konva.KonvaEventObject<DragEvent>): void;
}

interface Props {
  readonly devices: readonly LiveDevice[];
  readonly palette: CanvasPalette;
  readonly scalePxPerM: number;
  readonly selected: readonly number[];
  readonly draggable: boolean;
  readonly drag: DragHandlers;
}

// Gateways first, so a sensor sharing its position (the thesis puts S2 on the gateway) stays visible.
const ORDER: Record<DeviceKind, number> = { gateway: 0, router: 1, sensor: 2 };

function DevicesImpl({ devices, palette, scalePxPerM, selected, draggable, drag }: Props) {
  const px = 1 / scalePxPerM;
  const sorted = [...devices].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  return (
    <>
      {sorted.map((d) => (
        <Group
          key={d.id}
          name={d.ghost ? 'ghost' : `item:device:${d.id}`}
          x={d.x}
          y={d.y}
          scaleX={px}
          scaleY={px}
          opacity={d.ghost ? 0.7 : 1}
          draggable={draggable && !d.ghost}
          listening={!d.ghost}
          {...drag}
        >
          {selected.includes(d.id) && <Circle radius={SYMBOL_RADIUS_PX * 2} stroke={palette.accent} strokeWidth={2} fill={hexWithAlpha(palette.accent, 0.18)} />}
          <DeviceSymbol kind={d.kind} halo={palette.halo} ghost={d.ghost} />
          <Text
            text={d.label}
            // The gateway's label goes under it: a sensor on the same spot labels itself on the right.
            {...(d.kind === 'gateway' ? { x: -30, width: 60, align: 'center', y: SYMBOL_RADIUS_PX * 1.55 + 4 } : { x: SYMBOL_RADIUS_PX + 3, y: -6 })}
            fontSize={11}
            fontFamily="system-ui, sans-serif"
            fill={palette.label}
            // A halo keeps labels readable on heatmaps, walls and the plan image.
            stroke={palette.halo}
            strokeWidth={3}
            fillAfterStrokeEnabled
            listening={false}
          />
        </Group>
      ))}
    </>
  );
}

/** Circle for a sensor, diamond for a router, square for the gateway: shapes tell them apart in grey too. */
export function DeviceSymbol({ kind, halo, ghost = false }: { kind: DeviceKind; halo: string; ghost?: boolean }) {
  const fill = DEVICE_COLOURS[kind];
  const r = SYMBOL_RADIUS_PX;
  const line = ghost ? { stroke: fill, strokeWidth: 2, dash: [3, 2], fill: halo } : { stroke: halo, strokeWidth: 2, fill };
  switch (kind) {
    case 'sensor':
      return <Circle radius={r} {...line} />;
    case 'router':
      return <RegularPolygon sides={4} radius={r * 1.3} {...line} />;
    case 'gateway':
      // Larger than the others: a sensor placed on the gateway (as in the thesis) sits inside its frame.
      return <Rect x={-r * 1.55} y={-r * 1.55} width={r * 3.1} height={r * 3.1} cornerRadius={3} {...line} />;
  }
}

export const Devices = memo(DevicesImpl);
