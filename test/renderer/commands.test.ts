import { describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../shared/api/contract';
import { createCommandRegistry, ALL_COMMANDS } from '../../renderer/src/commands/all-commands';
import { parseCommandLine } from '../../renderer/src/commands/command';
import { CommandRegistry } from '../../renderer/src/commands/command-registry';
import { createProjectController } from '../../renderer/src/state/project-controller';
import { createProjectStore } from '../../renderer/src/state/project-store';
import { createUiStore } from '../../renderer/src/state/ui-store';
import { createFakeApi, type FakeApi } from './fake-api';
import { officeSnapshot, projectInfo } from './snapshots';

const office = projectInfo('/docs/Thesis office.meterplan');

function setup(impl: Parameters<typeof createFakeApi>[0], opts: { open?: boolean } = {}) {
  const fake: FakeApi = createFakeApi({
    getCurrentProject: () => (opts.open === false ? null : office),
    getProjectSnapshot: () => ({ ok: true, value: officeSnapshot() }),
    listRecentProjects: () => [],
    updateSettings: (patch) => ({ language: 'en', theme: 'system', ...patch }),
    ...impl,
  });
  const ui = createUiStore();
  const projectStore = createProjectStore();
  const project = createProjectController(fake.api, projectStore);
  const commands = createCommandRegistry({ api: fake.api, project, projectStore, ui });
  return { fake, ui, projectStore, project, commands };
}

describe('command lines', () => {
  it('split at the first colon only, so paths keep theirs', () => {
    expect(parseCommandLine('project.openPath:C:\\a\\b.meterplan')).toEqual({ id: 'project.openPath', input: 'C:\\a\\b.meterplan' });
    expect(parseCommandLine('view.plan')).toEqual({ id: 'view.plan' });
  });
});

describe('command registry', () => {
  it('registers every command of the window once, with the ids the desktop menu sends', () => {
    const ids = ALL_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'project.new',
      'project.open',
      'project.openExample',
      'project.saveAs',
      'project.close',
      'project.openPath',
      'view.plan',
      'view.optimise',
      'view.scope',
      'view.calibrate',
      'view.monitor',
      'app.toggleTheme',
      'app.commandPalette',
      'app.setLanguage',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('refuses a second command with the same id', () => {
    const { fake, ui, projectStore, project } = setup({});
    const r = new CommandRegistry({ api: fake.api, ui, projectStore, project });
    r.register({ id: 'x', label: 'x', perform: () => {} });
    expect(() => r.register({ id: 'x', label: 'y', perform: () => {} })).toThrow('command x is registered twice');
  });

  it('says unknown, disabled or failed instead of throwing, and shows the failure', async () => {
    const { commands, ui } = setup({}, { open: false });
    expect(await commands.run('nope')).toBe('unknown');
    // No project open: Save As is not available.
    expect(await commands.run('project.saveAs')).toBe('disabled');
    expect(await commands.run('app.setLanguage:de')).toBe('failed');
    expect(ui.getState().toasts.at(-1)?.message).toContain('Unknown language "de"');
  });
});

describe('project commands', () => {
  it('open a given path (recent files, files handed over by the desktop shell)', async () => {
    const opened: string[] = [];
    const { commands, project } = setup({
      openProject: ({ path }: MethodArgs<'openProject'>) => {
        opened.push(path);
        return { ok: true, value: projectInfo(path) };
      },
    });
    await project.start();
    expect(await commands.run('project.openPath:/docs/a:b.meterplan')).toBe('done');
    expect(opened).toEqual(['/docs/a:b.meterplan']);
  });

  it('show why a recent file could not be opened', async () => {
    const { commands, ui } = setup({ openProject: () => ({ ok: false, code: 'not-found', message: '/docs/gone.meterplan does not exist.' }) });
    await commands.run('project.openPath:/docs/gone.meterplan');
    expect(ui.getState().toasts.map((t) => [t.kind, t.message])).toEqual([['error', '/docs/gone.meterplan does not exist.']]);
  });

  it('open their own path dialog where the shell has no native one', async () => {
    const { commands, ui, project } = setup({ pickProjectPath: () => ({ ok: false, code: 'unsupported', message: 'no dialog' }) });
    await project.start();
    await commands.run('project.saveAs');
    expect(ui.getState().dialog).toEqual({ kind: 'path', purpose: 'save' });
    await commands.run('project.open');
    expect(ui.getState().dialog).toEqual({ kind: 'path', purpose: 'open' });
  });

  it('use the native dialog when there is one, suggesting the project name, and do nothing on cancel', async () => {
    const saved: string[] = [];
    let answer: string | null = '/home/ana/copy.meterplan';
    const { commands, ui, project, fake } = setup({
      pickProjectPath: () => ({ ok: true, value: answer }),
      saveProjectAs: ({ path }) => {
        saved.push(path);
        return { ok: true, value: projectInfo(path) };
      },
    });
    await project.start();
    await commands.run('project.saveAs');
    expect(fake.calls.find((c) => c.method === 'pickProjectPath')?.args).toEqual({ purpose: 'save', suggestedName: 'Thesis office.meterplan' });
    expect(saved).toEqual(['/home/ana/copy.meterplan']);
    answer = null;
    await commands.run('project.saveAs');
    expect(saved).toHaveLength(1);
    expect(ui.getState().dialog).toBeNull();
    expect(ui.getState().toasts).toEqual([]);
  });
});

describe('window commands', () => {
  it('switch areas', async () => {
    const { commands, ui } = setup({});
    await commands.run('view.scope');
    expect(ui.getState().area).toBe('scope');
  });

  it('set the language at once and persist it; without an input they switch to the other one', async () => {
    const { commands, ui, fake } = setup({});
    await commands.run('app.setLanguage:fr');
    expect(ui.getState().language).toBe('fr');
    await commands.run('app.setLanguage');
    expect(ui.getState().language).toBe('en');
    expect(fake.calls.filter((c) => c.method === 'updateSettings').map((c) => c.args)).toEqual([{ language: 'fr' }, { language: 'en' }]);
  });

  it('toggle the theme from what is shown: "system" on a dark desktop goes light', async () => {
    const { commands, ui, fake } = setup({});
    ui.getState().setPrefersDark(true);
    await commands.run('app.toggleTheme');
    expect(ui.getState().theme).toBe('light');
    await commands.run('app.toggleTheme');
    expect(ui.getState().theme).toBe('dark');
    expect(fake.calls.filter((c) => c.method === 'updateSettings').map((c) => c.args)).toEqual([{ theme: 'light' }, { theme: 'dark' }]);
  });

  it('open the command palette', async () => {
    const { commands, ui } = setup({});
    await commands.run('app.commandPalette');
    expect(ui.getState().dialog).toEqual({ kind: 'palette' });
  });
});
