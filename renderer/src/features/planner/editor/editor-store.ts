// The plan editor's own state: the tool and its options, snapping, the selection, the drawing in
// progress, the overlays shown and where undo stands. A vanilla zustand store (like the optimiser's
// preview store), so commands, the canvas, the inspector and tests share it without React.
import { createStore } from 'zustand/vanilla';
import type { UndoState } from '../../../../../shared/api/project-api';
import type { Point } from '../../../../../shared/model/building';
import { NO_OVERLAYS, type OverlayFlags, type OverlayKind } from '../overlays/overlay-engine';
import { EMPTY_SELECTION, type Selection } from './selection';

export const TOOLS = ['select', 'wall', 'zone', 'gateway', 'sensor', 'router', 'split', 'calibrate'] as const;
export type Tool = (typeof TOOLS)[number];
export type DrawnZoneKind = 'installable' | 'exclusion' | 'poi';

/** A polyline or polygon being drawn: the points clicked so far (metres). */
export interface Draft {
  readonly kind: 'wall' | 'zone';
  readonly points: readonly Point[];
}

export interface EditorState {
  readonly tool: Tool;
  /** Material of new walls; null = the project's first. */
  readonly wallMaterialId: number | null;
  readonly wallThicknessM: number;
  readonly zoneKind: DrawnZoneKind;
  readonly snapToGrid: boolean;
  readonly snapToEnds: boolean;
  readonly selection: Selection;
  readonly draft: Draft | null;
  /** Calibration: points clicked on the plan image (image pixels); the distance is asked at two. */
  readonly calibration: readonly Point[];
  readonly overlays: OverlayFlags;
  /** Whether the overlay legend is unfolded (folded, it leaves the plan uncovered). */
  readonly legendOpen: boolean;
  readonly undo: UndoState;
}

export const NO_UNDO: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export const initialEditorState: EditorState = {
  tool: 'select',
  wallMaterialId: null,
  wallThicknessM: 0.15,
  zoneKind: 'installable',
  snapToGrid: true,
  snapToEnds: true,
  selection: EMPTY_SELECTION,
  draft: null,
  calibration: [],
  overlays: NO_OVERLAYS,
  legendOpen: false,
  undo: NO_UNDO,
};

export type EditorStore = ReturnType<typeof createEditorStore>;

export function createEditorStore(initial: EditorState = initialEditorState) {
  return createStore<EditorState>()(() => initial);
}

/** The window's one editor (the plan area is shown once). */
export const editorStore = createEditorStore();

export function setTool(store: EditorStore, tool: Tool): void {
  store.setState((s) => ({ tool, draft: null, calibration: tool === 'calibrate' ? s.calibration : [] }));
}

/** Coverage and received power are both full heatmaps: one hides the other, so showing one hides the other. */
const EXCLUSIVE: Partial<Record<OverlayKind, OverlayKind>> = { coverage: 'power', power: 'coverage' };

export function toggleOverlay(store: EditorStore, kind: OverlayKind): void {
  store.setState((s) => {
    const on = !s.overlays[kind];
    const other = EXCLUSIVE[kind];
    return { overlays: { ...s.overlays, [kind]: on, ...(on && other ? { [other]: false } : {}) } };
  });
}

/** Back to the select tool with nothing drawn, selected or half-calibrated (a new project or floor). */
export function resetEditor(store: EditorStore): void {
  store.setState((s) => ({
    ...initialEditorState,
    overlays: s.overlays,
    legendOpen: s.legendOpen,
    wallThicknessM: s.wallThicknessM,
    snapToGrid: s.snapToGrid,
    snapToEnds: s.snapToEnds,
  }));
}
