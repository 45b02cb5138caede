// The plan with a previewed solution (what "Use this solution" would give), the export file names, and
// the export and optimise commands in the registry.
import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../renderer/src/commands/all-commands';
import { exportDialogStore, closeExportDialog } from '../../../renderer/src/features/optimizer/export/export-dialog-store';
import { suggestExportFileName, suggestExportPath, withExtension } from '../../../renderer/src/features/optimizer/export/export-paths';
import { snapshotWithPreview } from '../../../renderer/src/features/optimizer/preview-plan';
import { createProjectController } from '../../../renderer/src/state/project-controller';
import { createProjectStore } from '../../../renderer/src/state/project-store';
import { createUiStore } from '../../../renderer/src/state/ui-store';
import { createFakeApi } from '../fake-api';
import { officeSnapshot, projectInfo } from '../snapshots';

describe('plan preview', () => {
  it('replaces the floor devices of the kinds the solution places, and keeps the others', () => {
    const snap = officeSnapshot();
    const kindOf = (typeId: number) => snap.deviceTypes.find((t) => t.id === typeId)?.kind;
    const before = snap.placements.filter((p) => p.floorId === 1);
    const preview = { runId: 4, index: 2, devices: [{ x: 2.5, y: 3.5, kind: 'router' as const }, { x: 7.5, y: 4.5, kind: 'router' as const }] };
    const after = snapshotWithPreview(snap, 1, preview).placements.filter((p) => p.floorId === 1);
    const routers = after.filter((p) => kindOf(p.deviceTypeId) === 'router');
    expect(routers.map((p) => [p.x, p.y, p.label])).toEqual([
      [2.5, 3.5, 'R1'],
      [7.5, 4.5, 'R2'],
    ]);
    // Sensors and the gateway stay as placed.
    expect(after.filter((p) => kindOf(p.deviceTypeId) !== 'router')).toEqual(before.filter((p) => kindOf(p.deviceTypeId) !== 'router'));
    // Ids never collide with stored ones.
    expect(new Set(after.map((p) => p.id)).size).toBe(after.length);
    expect(snapshotWithPreview(snap, 1, null)).toBe(snap);
  });
});

describe('export file names', () => {
  it('name the file after the building and its content, safe on every platform', () => {
    expect(suggestExportFileName('Thesis office (10 m × 8 m)', 'pdf')).toBe('Thesis office (10 m × 8 m) - deployment report.pdf');
    expect(suggestExportFileName('a/b:c*?', 'csv')).toBe('a-b-c-- - coordinates.csv');
    expect(suggestExportFileName('  ', 'json')).toBe('Meterplan - deployment.json');
    expect(suggestExportPath('C:\\Users\\me\\Documents', 'Office', 'svg')).toBe('C:\\Users\\me\\Documents\\Office - plan.svg');
  });

  it('add the extension only when the typed name has none', () => {
    expect(withExtension('/tmp/plan', 'pdf')).toBe('/tmp/plan.pdf');
    expect(withExtension('/tmp/plan.PDF ', 'pdf')).toBe('/tmp/plan.PDF');
    expect(withExtension('/tmp/v1.2/plan', 'csv')).toBe('/tmp/v1.2/plan.csv');
  });
});

describe('export and optimise commands', () => {
  function setup(open: boolean) {
    const fake = createFakeApi({ listRuns: () => ({ ok: true, value: [] }) });
    const projectStore = createProjectStore({ loaded: true, info: open ? projectInfo('/docs/o.meterplan') : null, snapshot: open ? officeSnapshot() : null, recent: [], activeFloorId: open ? 1 : null, pendingEdits: 0 });
    const ui = createUiStore();
    const commands = createCommandRegistry({ api: fake.api, project: createProjectController(fake.api, projectStore), projectStore, ui });
    return { commands, ui };
  }

  it('open the export dialog for their format when a project is open, and are disabled otherwise', async () => {
    closeExportDialog();
    const closed = setup(false);
    expect(await closed.commands.run('export.pdf')).toBe('disabled');
    expect(exportDialogStore.getState().format).toBeNull();
    const t = setup(true);
    for (const f of ['pdf', 'png', 'svg', 'csv', 'json'] as const) {
      expect(await t.commands.run(`export.${f}`)).toBe('done');
      expect(exportDialogStore.getState().format).toBe(f);
    }
    closeExportDialog();
    expect(t.commands.get('optimise.stop') && t.commands.isEnabled(t.commands.get('optimise.stop')!)).toBe(false);
  });
});
