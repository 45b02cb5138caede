// What the pointer does on the plan, tool by tool: select (click, Shift+click, Shift+drag a rubber band,
// drag devices), draw walls and zones, set the gateway, place devices, split walls, pick calibration
// points. Pointer-rate work (snapping marks, the band, dragged devices and their overlays) goes through
// refs and Konva nodes; only clicks change the stores or call the back end.
import type Konva from 'konva';
import { useMemo, useRef } from 'react';
import type { Point } from '../../../../../shared/model/building';
import { formatNumber } from '../../../i18n/format';
import type { AppServices } from '../../../state/app-context';
import { closeToleranceM, wallClick, zoneClick } from '../editor/drawing';
import { editorStore, type Tool } from '../editor/editor-store';
import { addWallSegment, addZone, moveDevices, placeDevice, setGateway, splitWall } from '../editor/plan-actions';
import { toImagePx } from '../editor/plan-image-actions';
import { bandSelect, clickSelect, EMPTY_SELECTION, rectOf, type ItemKind } from '../editor/selection';
import { snapPoint, type SnapResult } from '../editor/snapping';
import { finishDrawing } from '../planner-commands';
import { livePlan } from '../live/live-plan';
import type { DragHandlers } from './device-layer';
import type { DraftHandle } from './draft-marks';
import type { PlanScene } from './scene';
import { screenToWorld, type Viewport } from './viewport';

const ITEM_KINDS: Record<string, ItemKind> = { wall: 'walls', zone: 'zones', device: 'devices' };

/** The wall, zone or device under a Konva target (its node or an ancestor is named item:KIND:ID). */
export function itemOf(target: Konva.Node | null): { kind: ItemKind; id: number } | null {
  for (let n: Konva.Node | null = target; n; n = n.getParent()) {
    const m = /^item:(wall|zone|device):(\d+)$/.exec(n.name());
    if (m) return { kind: ITEM_KINDS[m[1]!]!, id: Number(m[2]) };
  }
  return null;
}

const DEVICE_TOOLS: ReadonlySet<Tool> = new Set(['gateway', 'sensor', 'router']);

export interface PointerInput {
  readonly services: AppServices;
  readonly scene: PlanScene;
  readonly view: Viewport;
  readonly language: 'en' | 'fr';
  readonly draft: React.RefObject<DraftHandle | null>;
}

export function usePlanPointer(input: PointerInput) {
  const latest = useRef(input);
  latest.current = input;
  const band = useRef<{ start: Point; additive: boolean } | null>(null);
  const suppressClick = useRef(false);
  const dragStart = useRef<Map<number, Point>>(new Map());
  /** The last two clicks (snapped): a double click ends a drawing only when both hit the same spot. */
  const lastClicks = useRef<Point[]>([]);

  return useMemo(() => {
    const world = (stage: Konva.Stage | null): Point | null => {
      const p = stage?.getPointerPosition();
      return p ? screenToWorld(latest.current.view, p) : null;
    };
    const snap = (p: Point, tool: Tool, free: boolean): SnapResult => {
      const { scene, view } = latest.current;
      const s = editorStore.getState();
      const ends = tool === 'wall' || tool === 'zone' ? [...scene.walls.flatMap((w) => [{ x: w.points[0], y: w.points[1] }, { x: w.points[2], y: w.points[3] }]), ...(s.draft?.points ?? [])] : [];
      return snapPoint(p, ends, {
        toGrid: s.snapToGrid && !free,
        toEnds: s.snapToEnds && !free,
        pitchM: scene.floor.gridPitchM,
        scalePxPerM: view.scalePxPerM,
        gridTarget: DEVICE_TOOLS.has(tool) ? 'centre' : 'crossing',
      });
    };
    const lengthLabel = (p: Point): string | undefined => {
      const d = editorStore.getState().draft;
      const last = d?.points[d.points.length - 1];
      if (!last) return undefined;
      return `${formatNumber(Math.hypot(p.x - last.x, p.y - last.y), latest.current.language, 2)} m`;
    };

    const stageHandlers = {
      onMouseDown(e: Konva.KonvaEventObject<MouseEvent>) {
        if (e.evt.button !== 0) return;
        const s = editorStore.getState();
        if (s.tool === 'select' && e.evt.shiftKey && !itemOf(e.target)) {
          const p = world(e.target.getStage());
          if (!p) return;
          band.current = { start: p, additive: true };
          e.target.getStage()?.draggable(false);
        }
      },
      onMouseMove(e: Konva.KonvaEventObject<MouseEvent>) {
        const p = world(e.target.getStage());
        if (!p) return;
        if (band.current) {
          latest.current.draft.current?.setBand(rectOf(band.current.start, p));
          return;
        }
        const tool = editorStore.getState().tool;
        if (tool === 'select' || tool === 'split') return;
        const snapped = tool === 'calibrate' ? { point: p, snappedTo: null } : snap(p, tool, e.evt.altKey);
        latest.current.draft.current?.setCursor(snapped.point, snapped.snappedTo, tool === 'wall' || tool === 'zone' ? lengthLabel(snapped.point) : undefined);
      },
      onMouseUp(e: Konva.KonvaEventObject<MouseEvent>) {
        const b = band.current;
        if (!b) return;
        band.current = null;
        const stage = e.target.getStage();
        stage?.draggable(true);
        latest.current.draft.current?.setBand(null);
        const p = world(stage);
        if (!p) return;
        const { scene } = latest.current;
        const items = {
          walls: scene.walls.map((w) => ({ id: w.id, a: { x: w.points[0], y: w.points[1] }, b: { x: w.points[2], y: w.points[3] } })),
          zones: scene.zones.map((z) => ({ id: z.id, polygon: z.point ? [z.point] : pairs(z.polygon ?? []) })),
          devices: livePlan.devices.filter((d) => !d.ghost),
        };
        editorStore.setState((s) => ({ selection: bandSelect(items, rectOf(b.start, p), b.additive ? s.selection : EMPTY_SELECTION) }));
        suppressClick.current = true;
      },
      onMouseLeave() {
        latest.current.draft.current?.setCursor(null, null);
      },
      onClick(e: Konva.KonvaEventObject<MouseEvent>) {
        if (suppressClick.current) {
          suppressClick.current = false;
          return;
        }
        if (e.evt.button !== 0) return;
        void click(e);
      },
      onDblClick() {
        // Two quick clicks on different corners are two corners, not a double click that ends the drawing.
        const tool = editorStore.getState().tool;
        const [a, b] = lastClicks.current;
        if (!a || !b || Math.hypot(a.x - b.x, a.y - b.y) > closeToleranceM(latest.current.view.scalePxPerM)) return;
        if (tool === 'wall') editorStore.setState({ draft: null });
        else if (tool === 'zone') void finishDrawing(latest.current.services);
      },
    };

    const click = async (e: Konva.KonvaEventObject<MouseEvent>) => {
      const ctx = latest.current.services;
      const s = editorStore.getState();
      const raw = world(e.target.getStage());
      if (!raw) return;
      const p = snap(raw, s.tool, e.evt.altKey).point;
      const previous = lastClicks.current[lastClicks.current.length - 1];
      lastClicks.current = previous ? [previous, p] : [p];
      const tol = closeToleranceM(latest.current.view.scalePxPerM);
      switch (s.tool) {
        case 'select': {
          const item = itemOf(e.target);
          if (item) editorStore.setState({ selection: clickSelect(s.selection, item.kind, item.id, e.evt.shiftKey) });
          else if (!e.evt.shiftKey) editorStore.setState({ selection: EMPTY_SELECTION });
          return;
        }
        case 'wall': {
          const step = wallClick(s.draft, p, tol);
          editorStore.setState({ draft: step.draft });
          if (step.segment) await addWallSegment(ctx, step.segment[0], step.segment[1]);
          return;
        }
        case 'zone': {
          const step = zoneClick(s.draft, p, tol);
          editorStore.setState({ draft: step.draft });
          if (step.polygon) await addZone(ctx, step.polygon);
          return;
        }
        case 'gateway':
          await setGateway(ctx, p);
          return;
        case 'sensor':
        case 'router':
          await placeDevice(ctx, s.tool, p);
          return;
        case 'split': {
          const item = itemOf(e.target);
          // The back end takes the point of the wall nearest the (snapped) click.
          if (item?.kind === 'walls') await splitWall(ctx, item.id, p);
          return;
        }
        case 'calibrate': {
          const plan = latest.current.scene.floor.plan;
          if (!plan || s.calibration.length >= 2) return;
          // On the image's own pixels: its details are no finer than that.
          const px = toImagePx(plan, raw);
          editorStore.setState({ calibration: [...s.calibration, { x: Math.round(px.x), y: Math.round(px.y) }] });
          return;
        }
      }
    };

    const deviceId = (node: Konva.Node) => itemOf(node)?.id ?? null;
    const dragHandlers: DragHandlers = {
      onDragStart(e) {
        const id = deviceId(e.target);
        if (id === null) return;
        const s = editorStore.getState();
        const selection = s.selection.devices.includes(id) ? s.selection : clickSelect(s.selection, 'devices', id, e.evt.shiftKey);
        editorStore.setState({ selection });
        dragStart.current = new Map();
        const layer = e.target.getLayer();
        for (const other of selection.devices) {
          const node = other === id ? e.target : layer?.findOne(`.item:device:${other}`);
          if (node) dragStart.current.set(other, { x: node.x(), y: node.y() });
        }
      },
      onDragMove(e) {
        const id = deviceId(e.target);
        const start = id === null ? undefined : dragStart.current.get(id);
        if (id === null || !start) return;
        const snapped = snap({ x: e.target.x(), y: e.target.y() }, 'sensor', e.evt.altKey).point;
        e.target.position(snapped);
        const dx = snapped.x - start.x;
        const dy = snapped.y - start.y;
        const layer = e.target.getLayer();
        const moves: { id: number; x: number; y: number }[] = [];
        for (const [other, from] of dragStart.current) {
          const to = { x: from.x + dx, y: from.y + dy };
          if (other !== id) layer?.findOne(`.item:device:${other}`)?.position(to);
          moves.push({ id: other, ...to });
        }
        livePlan.moveDevices(moves);
      },
      onDragEnd(e) {
        const id = deviceId(e.target);
        if (id === null || !dragStart.current.has(id)) return;
        const moves = [...dragStart.current.keys()].map((other) => {
          const node = other === id ? e.target : e.target.getLayer()?.findOne(`.item:device:${other}`);
          return { id: other, x: node?.x() ?? 0, y: node?.y() ?? 0 };
        });
        dragStart.current = new Map();
        void moveDevices(latest.current.services, moves);
      },
    };
    return { stageHandlers, dragHandlers };
  }, []);
}

function pairs(flat: readonly number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ x: flat[i]!, y: flat[i + 1]! });
  return out;
}
