// Links between devices (coloured by margin, failing ones dashed) and unwatched points of interest, as
// two Konva.Shapes whose drawing reads the live plan's latest result: one node each, redrawn through
// refs as devices move, never through React state.
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Shape } from 'react-konva';
import { MARGIN_COLOURS, marginColour } from '../overlays/colour-scales';
import type { OverlayFlags, OverlayResult } from '../overlays/overlay-engine';
import { livePlan } from '../live/live-plan';

interface Props {
  readonly flags: OverlayFlags;
  readonly scalePxPerM: number;
}

export function LiveMarks({ flags, scalePxPerM }: Props) {
  const result = useRef<OverlayResult | null>(null);
  const linksRef = useRef<Konva.Shape>(null);
  useEffect(() => {
    const update = (r: OverlayResult | null) => {
      result.current = r;
      linksRef.current?.getLayer()?.batchDraw();
    };
    update(livePlan.current);
    return livePlan.subscribe(update);
  }, []);
  const px = 1 / scalePxPerM;

  return (
    <>
      {flags.links && (
        <Shape
          ref={linksRef}
          listening={false}
          sceneFunc={(ctx) => {
            const r = result.current;
            if (!r) return;
            const c = ctx._context;
            c.lineWidth = 2 * px;
            c.lineCap = 'round';
            for (const l of r.links.links) {
              c.beginPath();
              c.setLineDash(l.marginDb < 0 ? [5 * px, 4 * px] : l.backbone ? [] : [1.5 * px, 2.5 * px]);
              c.strokeStyle = marginColour(l.marginDb);
              c.globalAlpha = l.backbone ? 0.95 : 0.85;
              c.lineWidth = (l.backbone ? 2.5 : 2) * px;
              c.moveTo(l.a.x, l.a.y);
              c.lineTo(l.b.x, l.b.y);
              c.stroke();
            }
            c.setLineDash([]);
            c.globalAlpha = 1;
          }}
        />
      )}
      {flags.poi && (
        <Shape
          ref={flags.links ? undefined : linksRef}
          listening={false}
          sceneFunc={(ctx) => {
            const r = result.current;
            if (!r) return;
            const c = ctx._context;
            c.font = `${11 * px}px system-ui, sans-serif`;
            c.textAlign = 'center';
            for (const p of r.pois) {
              if (p.coveredShare >= 1) continue;
              // A red ring with an exclamation mark: visible on any heatmap.
              c.beginPath();
              c.arc(p.at.x, p.at.y, 9 * px, 0, Math.PI * 2);
              c.fillStyle = '#ffffff';
              c.fill();
              c.lineWidth = 2.5 * px;
              c.strokeStyle = MARGIN_COLOURS.failing;
              c.stroke();
              c.fillStyle = MARGIN_COLOURS.failing;
              c.font = `bold ${12 * px}px system-ui, sans-serif`;
              c.fillText('!', p.at.x, p.at.y + 4.2 * px);
              if (p.area) {
                c.font = `${11 * px}px system-ui, sans-serif`;
                c.fillText(`${Math.round(100 * p.coveredShare)} %`, p.at.x, p.at.y + 22 * px);
              }
            }
          }}
        />
      )}
    </>
  );
}
