// The interactive layer: device symbols and labels, drawn at a constant size on screen. The editor of a
// later issue adds selection, dragging and overlays here.
import { memo } from 'react';
import { Circle, Group, Layer, RegularPolygon, Rect, Text } from 'react-konva';
import type { DeviceKind } from '../../../../../shared/model/building';
import { DEVICE_COLOURS } from '../../../theme/palette';
import type { CanvasPalette } from './canvas-palette';
import type { SceneDevice } from './scene';

/** Symbol size on screen, whatever the zoom. */
export const SYMBOL_RADIUS_PX = 7;

interface Props {
  readonly devices: readonly SceneDevice[];
  readonly palette: CanvasPalette;
  readonly scalePxPerM: number;
}

function DeviceLayerImpl({ devices, palette, scalePxPerM }: Props) {
  const px = 1 / scalePxPerM;
  // Gateways first, so a sensor sharing its position (the thesis puts S2 on the gateway) stays visible.
  const order: Record<DeviceKind, number> = { gateway: 0, router: 1, sensor: 2 };
  const sorted = [...devices].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <Layer>
      {sorted.map((d) => (
        <Group key={d.id} x={d.x} y={d.y} scaleX={px} scaleY={px}>
          <DeviceSymbol kind={d.kind} halo={palette.halo} />
          <Text
            text={d.label}
            // The gateway's label goes under it: a sensor on the same spot labels itself on the right.
            {...(d.kind === 'gateway'
              ? { x: -30, width: 60, align: 'center', y: SYMBOL_RADIUS_PX * 1.55 + 4 }
              : { x: SYMBOL_RADIUS_PX + 3, y: -6 })}
            fontSize={11}
            fontFamily="system-ui, sans-serif"
            fill={palette.label}
            listening={false}
          />
        </Group>
      ))}
    </Layer>
  );
}

/** Circle for a sensor, diamond for a router, square for the gateway: shapes tell them apart in grey too. */
export function DeviceSymbol({ kind, halo }: { kind: DeviceKind; halo: string }) {
  const fill = DEVICE_COLOURS[kind];
  const r = SYMBOL_RADIUS_PX;
  switch (kind) {
    case 'sensor':
      return <Circle radius={r} fill={fill} stroke={halo} strokeWidth={2} />;
    case 'router':
      return <RegularPolygon sides={4} radius={r * 1.3} fill={fill} stroke={halo} strokeWidth={2} />;
    case 'gateway':
      // Larger than the others: a sensor placed on the gateway (as in the thesis) sits inside its frame.
      return <Rect x={-r * 1.55} y={-r * 1.55} width={r * 3.1} height={r * 3.1} cornerRadius={3} fill={fill} stroke={halo} strokeWidth={2} />;
  }
}

export const DeviceLayer = memo(DeviceLayerImpl);
