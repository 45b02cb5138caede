// The one module that owns Konva's Stage (STYLE.md: one place owns each infrastructure library).
// It fits the floor to the view, zooms with the wheel around the pointer and pans by dragging; the
// scene and its drawing functions live beside it, outside any component state.
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage } from 'react-konva';
import type { Language } from '../../../../../shared/api/app-api';
import { formatMetres, formatNumber } from '../../../i18n/format';
import type { CanvasPalette } from './canvas-palette';
import { DeviceLayer } from './device-layer';
import type { PlanScene } from './scene';
import { StaticLayer } from './static-layer';
import { fitToView, scaleBar, screenToWorld, wheelZoomFactor, zoomAt, type SizePx, type Viewport } from './viewport';

// Clear of the zoom tools (top right) and the scale readout (bottom left).
const FIT_MARGIN_PX = 52;
const BUTTON_ZOOM_FACTOR = 1.25;

interface Props {
  readonly scene: PlanScene;
  readonly palette: CanvasPalette;
  readonly language: Language;
}

export function PlanStage({ scene, palette, language }: Props) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLSpanElement>(null);
  const [size, setSize] = useState<SizePx | null>(null);
  const [view, setView] = useState<Viewport | null>(null);
  /** Until the user zooms or pans, the floor stays fitted as the window is resized. */
  const [fitted, setFitted] = useState(true);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const measure = () => setSize({ widthPx: host.clientWidth, heightPx: host.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  const fit = useCallback(() => {
    if (!size || size.widthPx <= 0 || size.heightPx <= 0) return;
    setView(fitToView(scene.bounds, size, FIT_MARGIN_PX));
    setFitted(true);
  }, [scene.bounds, size]);

  // Fit when the canvas gets its size, and again on resize while the user has not moved the view.
  // The parent remounts this component for another file or floor.
  useEffect(() => {
    if (fitted) fit();
  }, [fitted, fit]);

  const moveTo = (next: Viewport) => {
    setView(next);
    setFitted(false);
  };

  const zoomBy = (factor: number, anchor?: { x: number; y: number }) => {
    if (!view || !size) return;
    moveTo(zoomAt(view, anchor ?? { x: size.widthPx / 2, y: size.heightPx / 2 }, factor));
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const pointer = e.target.getStage()?.getPointerPosition();
    // deltaMode 1 counts lines (Firefox, some mice): about 16 px each.
    const deltaPx = e.evt.deltaMode === 1 ? e.evt.deltaY * 16 : e.evt.deltaY;
    if (pointer) zoomBy(wheelZoomFactor(deltaPx), pointer);
  };

  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!view || !stage || e.target !== stage) return;
    moveTo({ ...view, offsetXPx: stage.x(), offsetYPx: stage.y() });
  };

  // The pointer position is written to the DOM directly: it changes at mouse rate, React need not know.
  const onPointerMove = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer || !view || !cursorRef.current) return;
    const w = screenToWorld(view, pointer);
    cursorRef.current.textContent = `x ${formatNumber(w.x, language, 2)} m   y ${formatNumber(w.y, language, 2)} m`;
  };
  const onPointerLeave = () => {
    if (cursorRef.current) cursorRef.current.textContent = '';
  };

  const bar = view ? scaleBar(view.scalePxPerM) : null;

  return (
    <div
      className="plan-stage"
      ref={hostRef}
      data-testid="plan-canvas"
      data-walls={scene.walls.length}
      data-devices={scene.devices.length}
      data-zones={scene.zones.length}
      data-scale-px-per-m={view?.scalePxPerM}
      data-offset-x-px={view?.offsetXPx}
      style={{ background: palette.background }}
    >
      {size && view && (
        <Stage
          width={size.widthPx}
          height={size.heightPx}
          x={view.offsetXPx}
          y={view.offsetYPx}
          scaleX={view.scalePxPerM}
          scaleY={view.scalePxPerM}
          draggable
          onWheel={onWheel}
          onDragMove={onDragMove}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
        >
          <StaticLayer scene={scene} palette={palette} scalePxPerM={view.scalePxPerM} />
          <DeviceLayer devices={scene.devices} palette={palette} scalePxPerM={view.scalePxPerM} />
        </Stage>
      )}
      <div className="plan-stage__tools" role="toolbar" aria-label={t('plan.viewTools')}>
        <button type="button" className="icon-button" title={t('plan.zoomIn')} aria-label={t('plan.zoomIn')} onClick={() => zoomBy(BUTTON_ZOOM_FACTOR)}>
          +
        </button>
        <button type="button" className="icon-button" title={t('plan.zoomOut')} aria-label={t('plan.zoomOut')} onClick={() => zoomBy(1 / BUTTON_ZOOM_FACTOR)}>
          −
        </button>
        <button type="button" className="text-button" title={t('plan.fitHint')} onClick={fit} data-testid="plan-fit">
          {t('plan.fit')}
        </button>
      </div>
      <div className="plan-stage__readout">
        {bar && (
          <span className="scale-bar" title={t('plan.scaleHint')}>
            <span className="scale-bar__line" style={{ width: `${bar.widthPx}px` }} />
            <span>{formatMetres(bar.lengthM, language)}</span>
          </span>
        )}
        {view && <span className="plan-stage__zoom">{t('plan.zoomValue', { value: formatNumber(view.scalePxPerM, language, 1) })}</span>}
        <span className="plan-stage__cursor" ref={cursorRef} />
      </div>
    </div>
  );
}
