import { beforeEach, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../renderer/src/commands/all-commands';
import { normaliseShortcut } from '../../../renderer/src/commands/keymap';
import { editorStore, initialEditorState } from '../../../renderer/src/features/planner/editor/editor-store';
import { moveDevices } from '../../../renderer/src/features/planner/editor/plan-actions';
import { PLAN_KEYS } from '../../../renderer/src/features/planner/editor/use-plan-keys';
import { plannerCommands } from '../../../renderer/src/features/planner/planner-commands';
import { createProjectController } from '../../../renderer/src/state/project-controller';
import { createProjectStore } from '../../../renderer/src/state/project-store';
import { createUiStore } from '../../../renderer/src/state/ui-store';
import { createFakeApi, deferred, flush } from '../fake-api';
import { officeSnapshot, projectInfo } from '../snapshots';

type Impl = Parameters<typeof createFakeApi>[0];

function setup(impl: Impl = {}) {
  const fake = createFakeApi(impl);
  const ui = createUiStore({ area: 'plan' });
  const projectStore = createProjectStore();
  projectStore.setState({ loaded: true, info: projectInfo('/docs/office.meterplan'), snapshot: officeSnapshot(), activeFloorId: 1 });
  const project = createProjectController(fake.api, projectStore);
  const ctx = { api: fake.api, project, projectStore, ui };
  return { fake, ui, projectStore, ctx, commands: createCommandRegistry(ctx) };
}

beforeEach(() => editorStore.setState(initialEditorState));

describe('plan editor commands', () => {
  it('switch tools, only while the Plan area shows a floor', async () => {
    const { commands, ui } = setup();
    expect(await commands.run('planner.tool.wall')).toBe('done');
    expect(editorStore.getState().tool).toBe('wall');
    ui.getState().setArea('scope');
    expect(await commands.run('planner.tool.zone')).toBe('disabled');
    expect(editorStore.getState().tool).toBe('wall');
  });

  it('bind the usual keys: tools by letter, Delete and Backspace, Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', () => {
    expect(PLAN_KEYS.get('W')).toBe('planner.tool.wall');
    expect(PLAN_KEYS.get('V')).toBe('planner.tool.select');
    expect(PLAN_KEYS.get('Escape')).toBe('planner.cancel');
    expect(PLAN_KEYS.get('Delete')).toBe('planner.delete');
    expect(PLAN_KEYS.get('Backspace')).toBe('planner.delete');
    expect(PLAN_KEYS.get('Mod+Z')).toBe('planner.undo');
    expect(PLAN_KEYS.get('Mod+Shift+Z')).toBe('planner.redo');
    expect(PLAN_KEYS.get('Mod+Y')).toBe('planner.redo');
    const shortcuts = plannerCommands.filter((c) => c.shortcut).map((c) => normaliseShortcut(c.shortcut!));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('delete the selection in one call and clear it', async () => {
    const { commands, fake } = setup({ deleteItems: () => ({ ok: true, value: { deleted: 2 } }) });
    expect(await commands.run('planner.delete')).toBe('disabled'); // nothing selected
    editorStore.setState({ selection: { walls: [3], zones: [], devices: [1] } });
    expect(await commands.run('planner.delete')).toBe('done');
    expect(fake.calls.find((c) => c.method === 'deleteItems')?.args).toEqual({ walls: [3], zones: [], placements: [1] });
    expect(editorStore.getState().selection).toEqual({ walls: [], zones: [], devices: [] });
  });

  it('finish a zone of three corners with Enter: one addZone of the chosen kind', async () => {
    const { commands, fake } = setup({ addZone: () => ({ ok: true, value: { id: 9 } }) });
    editorStore.setState({ tool: 'zone', zoneKind: 'exclusion', draft: { kind: 'zone', points: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] } });
    await commands.run('planner.finish');
    expect(fake.calls.find((c) => c.method === 'addZone')?.args).toEqual({ floorId: 1, kind: 'exclusion', name: '', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] });
    expect(editorStore.getState().draft).toBeNull();
    // Escape without a drawing goes back to the select tool, then clears the selection.
    editorStore.setState({ selection: { walls: [1], zones: [], devices: [] } });
    await commands.run('planner.cancel');
    expect(editorStore.getState().tool).toBe('select');
    await commands.run('planner.cancel');
    expect(editorStore.getState().selection.walls).toEqual([]);
  });

  it('undo and redo through the back end, keeping its undo state; nothing to undo is not an error', async () => {
    let undone = false;
    const { commands, ui } = setup({
      undo: () => {
        if (undone) return { ok: false, code: 'nothing-to-undo', message: 'There is nothing to undo.' };
        undone = true;
        return { ok: true, value: { label: 'addWall', canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'addWall' } };
      },
      redo: () => ({ ok: false, code: 'cannot-redo', message: 'The edit history no longer matches the project.' }),
    });
    await commands.run('planner.undo');
    expect(editorStore.getState().undo).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'addWall' });
    await commands.run('planner.undo');
    expect(ui.getState().toasts).toEqual([]);
    await commands.run('planner.redo');
    expect(ui.getState().toasts.map((t) => t.message)).toEqual(['The edit history no longer matches the project.']);
  });

  it('move dropped devices in the local snapshot at once, then persist them in one call', async () => {
    const answer = deferred<{ ok: true; value: null }>();
    const { ctx, projectStore, fake } = setup({ movePlacements: () => answer.promise });
    const done = moveDevices(ctx, [{ id: 1, x: 7.5, y: 2.5 }]);
    await flush();
    expect(projectStore.getState().snapshot!.placements.find((p) => p.id === 1)).toMatchObject({ x: 7.5, y: 2.5 });
    expect(projectStore.getState().pendingEdits).toBe(1);
    answer.resolve({ ok: true, value: null });
    await done;
    expect(projectStore.getState().pendingEdits).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'movePlacements')).toHaveLength(1);
  });
});
