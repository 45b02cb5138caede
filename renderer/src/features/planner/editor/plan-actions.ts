// The plan editor's edits: each goes to the back end as it happens (one call, one transaction, one undo
// step there), shows "Saving…" while in flight, and reports a refusal in a toast. The project
// controller reloads the snapshot on the back end's projectEdited event; a moved device is also moved
// in the local snapshot at once, so it does not jump back while the answer is on its way.
import { err, type Result } from '../../../../../shared/api/result';
import type { Point } from '../../../../../shared/model/building';
import type { CommandContext } from '../../../commands/command';
import { forgetPlanImages } from '../canvas/plan-image-cache';
import { editorStore } from './editor-store';
import { EMPTY_SELECTION, selectionSize } from './selection';

export type PlannerContext = CommandContext;

export async function persist<T>(ctx: PlannerContext, call: () => Promise<Result<T>>, options: { quiet?: boolean } = {}): Promise<Result<T>> {
  ctx.projectStore.setState((s) => ({ pendingEdits: s.pendingEdits + 1 }));
  let r: Result<T>;
  try {
    r = await call();
  } catch (e) {
    r = err('transport', (e as Error).message);
  }
  ctx.projectStore.setState((s) => ({ pendingEdits: s.pendingEdits - 1 }));
  if (!r.ok && !options.quiet) ctx.ui.getState().pushToast('error', r.message);
  return r;
}

export async function refreshUndoState(ctx: PlannerContext): Promise<void> {
  try {
    const r = await ctx.api.getUndoState({});
    if (r.ok) editorStore.setState({ undo: r.value });
  } catch {
    // The link is down; the state is fetched again after the next edit or reconnection.
  }
}

function floorId(ctx: PlannerContext): Result<number> {
  const id = ctx.projectStore.getState().activeFloorId;
  return id === null ? err('no-floor', 'There is no floor to edit.') : { ok: true, value: id };
}

function onFloor<T>(ctx: PlannerContext, call: (floorId: number) => Promise<Result<T>>): Promise<Result<T>> {
  const f = floorId(ctx);
  return f.ok ? persist(ctx, () => call(f.value)) : Promise.resolve(f);
}

export function addWallSegment(ctx: PlannerContext, a: Point, b: Point) {
  const { wallMaterialId, wallThicknessM } = editorStore.getState();
  const materialId = wallMaterialId ?? ctx.projectStore.getState().snapshot?.materials[0]?.id;
  if (materialId === undefined) return Promise.resolve(err('no-material', 'The project has no wall material.'));
  return onFloor(ctx, (floorId) => ctx.api.addWall({ floorId, a, b, materialId, thicknessM: wallThicknessM }));
}

export function addZone(ctx: PlannerContext, polygon: readonly Point[]) {
  const kind = editorStore.getState().zoneKind;
  return onFloor(ctx, (floorId) => ctx.api.addZone({ floorId, kind, name: '', polygon: [...polygon] }));
}

export function placeDevice(ctx: PlannerContext, kind: 'sensor' | 'router', p: Point) {
  return onFloor(ctx, (floorId) => ctx.api.placeDevice({ floorId, kind, x: p.x, y: p.y }));
}

export function setGateway(ctx: PlannerContext, p: Point) {
  return onFloor(ctx, (floorId) => ctx.api.setGateway({ floorId, at: p }));
}

/** Persists dropped devices; the local snapshot moves them at once. */
export async function moveDevices(ctx: PlannerContext, moves: readonly { id: number; x: number; y: number }[]): Promise<Result<null>> {
  if (moves.length === 0) return { ok: true, value: null };
  const at = new Map(moves.map((m) => [m.id, m]));
  ctx.projectStore.setState((s) =>
    s.snapshot ? { snapshot: { ...s.snapshot, placements: s.snapshot.placements.map((p) => (at.has(p.id) ? { ...p, x: at.get(p.id)!.x, y: at.get(p.id)!.y } : p)) } } : {},
  );
  const r = await persist(ctx, () => ctx.api.movePlacements({ moves: [...moves] }));
  if (!r.ok) await ctx.project.refreshAll();
  return r;
}

export async function deleteSelection(ctx: PlannerContext): Promise<Result<{ deleted: number }> | null> {
  const sel = editorStore.getState().selection;
  if (selectionSize(sel) === 0) return null;
  const r = await persist(ctx, () => ctx.api.deleteItems({ walls: [...sel.walls], zones: [...sel.zones], placements: [...sel.devices] }));
  if (r.ok) editorStore.setState({ selection: EMPTY_SELECTION });
  return r;
}

export function splitWall(ctx: PlannerContext, id: number, at: Point) {
  return persist(ctx, () => ctx.api.splitWall({ id, at }));
}

export async function joinSelectedWalls(ctx: PlannerContext) {
  const walls = editorStore.getState().selection.walls;
  if (walls.length !== 2) return err('invalid-join', 'Select exactly two walls to join.');
  const r = await persist(ctx, () => ctx.api.joinWalls({ ids: [walls[0]!, walls[1]!] }));
  if (r.ok) editorStore.setState({ selection: { ...EMPTY_SELECTION, walls: [r.value.id] } });
  return r;
}

export function undo(ctx: PlannerContext) {
  return travel(ctx, 'undo');
}

export function redo(ctx: PlannerContext) {
  return travel(ctx, 'redo');
}

/** Edits whose undo may swap the floor's plan image for another of the same size. */
const IMAGE_EDITS = new Set(['setPlanImage', 'removePlanImage']);

async function travel(ctx: PlannerContext, direction: 'undo' | 'redo') {
  const r = await persist(ctx, () => (direction === 'undo' ? ctx.api.undo({}) : ctx.api.redo({})), { quiet: true });
  if (r.ok) {
    const { label, ...undoState } = r.value;
    editorStore.setState({ undo: undoState });
    const floorId = ctx.projectStore.getState().activeFloorId;
    if (IMAGE_EDITS.has(label) && floorId !== null) forgetPlanImages(floorId);
  } else if (r.code !== `nothing-to-${direction}`) ctx.ui.getState().pushToast('error', r.message);
  return r;
}
