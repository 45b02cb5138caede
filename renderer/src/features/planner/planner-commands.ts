// The plan editor's commands, registered once with the window's registry (commands/all-commands.ts):
// the native menu, shortcuts (editor/use-plan-keys.ts), the palette, the toolbar and tests all run them.
import type { Command, CommandContext } from '../../commands/command';
import { finishDraft } from './editor/drawing';
import { editorStore, setTool, toggleOverlay, type Tool } from './editor/editor-store';
import { addZone, deleteSelection, joinSelectedWalls, redo, undo } from './editor/plan-actions';
import { EMPTY_SELECTION, selectionSize } from './editor/selection';
import { OVERLAY_KINDS } from './overlays/overlay-engine';
import { placementDevices } from './live/live-devices';

/** The plan area is showing a floor and no dialog is open. */
export function planReady(ctx: CommandContext): boolean {
  const p = ctx.projectStore.getState();
  const ui = ctx.ui.getState();
  return p.info !== null && p.snapshot !== null && p.activeFloorId !== null && ui.area === 'plan' && ui.dialog === null;
}

const TOOL_KEYS: Record<Exclude<Tool, 'calibrate'>, string> = { select: 'V', wall: 'W', zone: 'Z', gateway: 'G', sensor: 'S', router: 'R', split: 'X' };

let importTrigger: (() => void) | null = null;
/** The Plan view registers how to open its file chooser (a hidden file input needs a DOM element). */
export function setPlanImportTrigger(trigger: (() => void) | null): void {
  importTrigger = trigger;
}

const toolCommands: Command[] = [
  ...(Object.entries(TOOL_KEYS) as [Tool, string][]).map(
    ([tool, key]): Command => ({
      id: `planner.tool.${tool}`,
      label: `planner.commands.tool.${tool}`,
      shortcut: key,
      enabled: planReady,
      perform: () => setTool(editorStore, tool),
    }),
  ),
  {
    id: 'planner.tool.calibrate',
    label: 'planner.commands.tool.calibrate',
    enabled: (ctx) => planReady(ctx) && activePlan(ctx) !== null,
    perform: () => {
      setTool(editorStore, 'calibrate');
      editorStore.setState({ calibration: [] });
    },
  },
];

function activePlan(ctx: CommandContext) {
  const p = ctx.projectStore.getState();
  return p.snapshot?.floors.find((f) => f.id === p.activeFloorId)?.plan ?? null;
}

/** Enter: keeps what is drawn (a zone of 3+ corners, a point of interest) and ends the drawing. */
export async function finishDrawing(ctx: CommandContext): Promise<void> {
  const { draft, zoneKind } = editorStore.getState();
  const { polygon } = finishDraft(draft, zoneKind);
  editorStore.setState({ draft: null });
  if (polygon) await addZone(ctx, polygon);
}

const editCommands: Command[] = [
  { id: 'planner.finish', label: 'planner.commands.finish', shortcut: 'Enter', enabled: planReady, perform: (ctx) => finishDrawing(ctx) },
  {
    id: 'planner.cancel',
    label: 'planner.commands.cancel',
    shortcut: 'Escape',
    enabled: planReady,
    perform: async (ctx) => {
      const s = editorStore.getState();
      if (s.draft) return finishDrawing(ctx);
      if (s.tool === 'calibrate' && s.calibration.length > 0) return editorStore.setState({ calibration: [] });
      if (s.tool !== 'select') return setTool(editorStore, 'select');
      editorStore.setState({ selection: EMPTY_SELECTION });
    },
  },
  {
    id: 'planner.delete',
    label: 'planner.commands.delete',
    shortcut: 'Delete',
    enabled: (ctx) => planReady(ctx) && selectionSize(editorStore.getState().selection) > 0,
    perform: async (ctx) => void (await deleteSelection(ctx)),
  },
  { id: 'planner.undo', label: 'planner.commands.undo', shortcut: 'Mod+Z', enabled: planReady, perform: async (ctx) => void (await undo(ctx)) },
  { id: 'planner.redo', label: 'planner.commands.redo', shortcut: 'Mod+Shift+Z', enabled: planReady, perform: async (ctx) => void (await redo(ctx)) },
  {
    id: 'planner.selectAll',
    label: 'planner.commands.selectAll',
    shortcut: 'Mod+A',
    enabled: planReady,
    perform: (ctx) => {
      const { snapshot, activeFloorId } = ctx.projectStore.getState();
      if (!snapshot || activeFloorId === null) return;
      const on = <T extends { floorId: number; id: number }>(items: readonly T[]) => items.filter((i) => i.floorId === activeFloorId).map((i) => i.id);
      editorStore.setState({ selection: { walls: on(snapshot.walls), zones: on(snapshot.zones), devices: placementDevices(snapshot, activeFloorId).map((d) => d.id) } });
    },
  },
  {
    id: 'planner.joinWalls',
    label: 'planner.commands.joinWalls',
    shortcut: 'J',
    enabled: (ctx) => planReady(ctx) && editorStore.getState().selection.walls.length === 2,
    perform: async (ctx) => void (await joinSelectedWalls(ctx)),
  },
  {
    id: 'planner.toggleGridSnap',
    label: 'planner.commands.toggleGridSnap',
    enabled: planReady,
    perform: () => editorStore.setState((s) => ({ snapToGrid: !s.snapToGrid })),
  },
  {
    id: 'planner.toggleEndSnap',
    label: 'planner.commands.toggleEndSnap',
    enabled: planReady,
    perform: () => editorStore.setState((s) => ({ snapToEnds: !s.snapToEnds })),
  },
  {
    id: 'planner.importPlan',
    label: 'planner.commands.importPlan',
    enabled: planReady,
    perform: () => {
      if (!importTrigger) throw new Error('Open the Plan area to import a plan image.');
      importTrigger();
    },
  },
];

const overlayCommands: Command[] = OVERLAY_KINDS.map((kind) => ({
  id: `planner.overlay.${kind}`,
  label: `planner.commands.overlay.${kind}`,
  enabled: planReady,
  perform: () => toggleOverlay(editorStore, kind),
}));

export const plannerCommands: Command[] = [...toolCommands, ...editCommands, ...overlayCommands];
