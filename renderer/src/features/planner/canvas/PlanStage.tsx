// The one module that owns Konva's Stage (STYLE.md: one place owns each infrastructure library).
// It fits the floor to the view, zooms with the wheel around the pointer and pans by dragging (the
// middle button pans in every tool); the layers are, bottom up: floor and plan image, overlay heatmaps,
// the plan's lines, and the interactive layer (links, devices, selection, drawing in progress).
import Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Stage } from 'react-konva';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Language } from '../../../../../shared/api/app-api';
import { formatMetres, formatNumber } from '../../../i18n/format';
import { useApp } from '../../../state/app-context';
import { editorStore } from '../editor/editor-store';
import { isTypingTarget } from '../editor/use-plan-keys';
import { fromImagePx } from '../editor/plan-image-actions';
import { NO_OVERLAYS } from '../overlays/overlay-engine';
import type { LiveDevice } from '../overlays/overlay-statics';
import { BaseLayer } from './base-layer';
import type { CanvasPalette } from './canvas-palette';
import { Devices } from './device-layer';
import { DraftMarks, type DraftHandle } from './draft-marks';
import { LiveMarks } from './live-marks';
import { OverlayLayer } from './overlay-layer';
import type { PlanScene } from './scene';
import { SelectionMarks } from './selection-marks';
import { StaticLayer } from './static-layer';
import { usePlanPointer } from './use-plan-pointer';
import { fitToView, scaleBar, screenToWorld, wheelZoomFactor, zoomAt, type SizePx, type Viewport } from './viewport';

// The middle button pans whatever the tool; the left button pans with the select tool.
Konva.dragButtons = [0, 1];

// Clear of the zoom tools (top right) and the scale readout (bottom left).
const FIT_MARGIN_PX = 52;
const BUTTON_ZOOM_FACTOR = 1.25;

interface Props {
  readonly scene: PlanScene;
  /** The live devices of the editor; without them the stage is a read-only view of the scene (Optimise area). */
  readonly devices?: readonly LiveDevice[];
  readonly palette: CanvasPalette;
  readonly language: Language;
}

const NO_SELECTION = { walls: [], zones: [], devices: [] } as const;

export function PlanStage({ scene, devices: liveDevices, palette, language }: Props) {
  const { t } = useTranslation();
  const services = useApp();
  const hostRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLSpanElement>(null);
  const draftRef = useRef<DraftHandle>(null);
  const [size, setSize] = useState<SizePx | null>(null);
  const [view, setView] = useState<Viewport | null>(null);
  /** Until the user zooms or pans, the floor stays fitted as the window is resized. */
  const [fitted, setFitted] = useState(true);
  const readOnly = liveDevices === undefined;
  const devices = useMemo(() => liveDevices ?? scene.devices.map((d): LiveDevice => ({ ...d, typeId: null, ghost: false })), [liveDevices, scene.devices]);
  const edited = useStore(
    editorStore,
    useShallow((s) => ({ tool: s.tool, selection: s.selection, draft: s.draft, calibration: s.calibration, overlays: s.overlays, snapToGrid: s.snapToGrid })),
  );
  const editor = readOnly ? { ...edited, tool: 'view' as const, selection: NO_SELECTION, draft: null, calibration: [], overlays: NO_OVERLAYS } : edited;
  const pointer = usePlanPointer({ services, scene, view: view ?? { scalePxPerM: 1, offsetXPx: 0, offsetYPx: 0 }, language, draft: draftRef });

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
    const pointerPx = e.target.getStage()?.getPointerPosition();
    // deltaMode 1 counts lines (Firefox, some mice): about 16 px each.
    const unit = e.evt.deltaMode === 1 ? 16 : 1;
    // A sideways swipe (trackpad) pans; the wheel and a pinch (ctrl + wheel) zoom around the pointer.
    if (view && Math.abs(e.evt.deltaX) > Math.abs(e.evt.deltaY)) return moveTo({ ...view, offsetXPx: view.offsetXPx - e.evt.deltaX * unit });
    if (pointerPx) zoomBy(wheelZoomFactor(e.evt.deltaY * unit), pointerPx);
  };

  // Keyboard: + and − zoom about the centre, the arrows pan (Shift: further), 0 fits.
  const keyView = useRef<(e: KeyboardEvent) => void>(() => {});
  keyView.current = (e) => {
    if (!view || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
    const stepPx = e.shiftKey ? 240 : 60;
    const pans: Record<string, [number, number]> = { ArrowLeft: [stepPx, 0], ArrowRight: [-stepPx, 0], ArrowUp: [0, stepPx], ArrowDown: [0, -stepPx] };
    if (e.key === '+' || e.key === '=') zoomBy(BUTTON_ZOOM_FACTOR);
    else if (e.key === '-') zoomBy(1 / BUTTON_ZOOM_FACTOR);
    else if (e.key === '0') fit();
    else if (pans[e.key]) moveTo({ ...view, offsetXPx: view.offsetXPx + pans[e.key]![0], offsetYPx: view.offsetYPx + pans[e.key]![1] });
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyView.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onDragStart = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    // Drawing tools keep the left button for drawing: only the middle button pans there.
    if (stage && e.target === stage && !readOnly && editorStore.getState().tool !== 'select' && (e.evt.buttons & 4) === 0) stage.stopDrag();
  };

  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!view || !stage || e.target !== stage) return;
    moveTo({ ...view, offsetXPx: stage.x(), offsetYPx: stage.y() });
  };

  // The pointer position is written to the DOM directly: it changes at mouse rate, React need not know.
  const onPointerMove = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const p = e.target.getStage()?.getPointerPosition();
    if (!p || !view || !cursorRef.current) return;
    const w = screenToWorld(view, p);
    cursorRef.current.textContent = `x ${formatNumber(w.x, language, 2)} m   y ${formatNumber(w.y, language, 2)} m`;
  };
  const onPointerLeave = () => {
    if (cursorRef.current) cursorRef.current.textContent = '';
  };

  const bar = view ? scaleBar(view.scalePxPerM) : null;
  const plan = scene.floor.plan;
  const calibrationM = plan ? editor.calibration.map((p) => fromImagePx(plan, p)) : [];

  return (
    <div
      className="plan-stage"
      ref={hostRef}
      data-testid="plan-canvas"
      data-tool={editor.tool}
      data-walls={scene.walls.length}
      data-devices={scene.devices.length}
      data-zones={scene.zones.length}
      data-scale-px-per-m={view?.scalePxPerM}
      data-offset-x-px={view?.offsetXPx}
      data-offset-y-px={view?.offsetYPx}
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
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
          {...(readOnly ? {} : pointer.stageHandlers)}
        >
          <BaseLayer floorId={scene.floor.id} outline={scene.outline} plan={plan} palette={palette} />
          {!readOnly && <OverlayLayer flags={editor.overlays} />}
          <StaticLayer scene={scene} palette={palette} scalePxPerM={view.scalePxPerM} showGrid={editor.snapToGrid || !plan} />
          <Layer>
            <SelectionMarks scene={scene} selection={editor.selection} accent={palette.accent} scalePxPerM={view.scalePxPerM} />
            {!readOnly && <LiveMarks flags={editor.overlays} scalePxPerM={view.scalePxPerM} />}
            <Devices devices={devices} palette={palette} scalePxPerM={view.scalePxPerM} selected={editor.selection.devices} draggable={editor.tool === 'select'} drag={pointer.dragHandlers} />
            <DraftMarks ref={draftRef} draft={editor.draft} calibration={calibrationM} accent={palette.accent} scalePxPerM={view.scalePxPerM} />
          </Layer>
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
