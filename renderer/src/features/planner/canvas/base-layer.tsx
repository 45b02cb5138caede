// The bottom layer: the floor and, when one is imported, the plan image, placed by its scale
// (metres per pixel) at its origin. The overlays' heatmaps lie over it, the walls above them.
import { memo, useEffect, useState } from 'react';
import { Image as KonvaImage, Layer, Line } from 'react-konva';
import type { PlanImage } from '../../../../../shared/model/building';
import { useApp } from '../../../state/app-context';
import type { CanvasPalette } from './canvas-palette';
import { loadPlanImage } from './plan-image-cache';

interface Props {
  readonly floorId: number;
  readonly outline: readonly number[];
  readonly plan: PlanImage | null;
  readonly palette: CanvasPalette;
}

function BaseLayerImpl({ floorId, outline, plan, palette }: Props) {
  return (
    <Layer listening={false}>
      <Line points={[...outline]} closed fill={palette.floor} />
      {plan && <PlanImageNode floorId={floorId} plan={plan} />}
    </Layer>
  );
}

function PlanImageNode({ floorId, plan }: { floorId: number; plan: PlanImage }) {
  const { api } = useApp();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    let live = true;
    void loadPlanImage(api, floorId, plan).then((img) => live && setImage(img));
    return () => {
      live = false;
    };
  }, [api, floorId, plan]);
  if (!image) return null;
  return (
    <KonvaImage
      image={image}
      x={plan.originX}
      y={plan.originY}
      width={plan.widthPx * plan.metresPerPx}
      height={plan.heightPx * plan.metresPerPx}
      // The drawing stays legible under the walls and devices drawn over it.
      opacity={0.85}
    />
  );
}

export const BaseLayer = memo(BaseLayerImpl);
