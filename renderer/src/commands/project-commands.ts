// File commands: new, open (native dialog or the renderer's own), open the example, save as, close,
// and open a given path (recent files, files handed over by the desktop shell).
import type { Result } from '../../../shared/api/result';
import type { ProjectInfo } from '../../../shared/api/project-api';
import type { PathPurpose } from '../state/ui-store';
import type { Command, CommandContext } from './command';
import { suggestProjectFileName } from '../features/project/project-paths';

const hasProject = (ctx: CommandContext) => ctx.projectStore.getState().info !== null;

function reportFailure(ctx: CommandContext, r: Result<unknown>): void {
  if (!r.ok) ctx.ui.getState().pushToast('error', r.message);
}

export function suggestedSaveName(ctx: CommandContext): string {
  const { info, snapshot } = ctx.projectStore.getState();
  return suggestProjectFileName(info?.displayName ?? null, info?.untitled ?? true, snapshot?.building.name ?? null);
}

/**
 * Asks for a path with the shell's native dialog; where there is none (the web shell answers
 * 'unsupported') the renderer opens its own path dialog, which finishes the job itself.
 */
async function askPathThen(ctx: CommandContext, purpose: PathPurpose, use: (path: string) => Promise<Result<ProjectInfo>>): Promise<void> {
  const picked = await ctx.api.pickProjectPath(purpose === 'save' ? { purpose, suggestedName: suggestedSaveName(ctx) } : { purpose });
  if (!picked.ok) {
    if (picked.code === 'unsupported') ctx.ui.getState().openDialog({ kind: 'path', purpose });
    else reportFailure(ctx, picked);
    return;
  }
  if (picked.value === null) return; // cancelled
  reportFailure(ctx, await use(picked.value));
}

export const projectCommands: Command[] = [
  {
    id: 'project.new',
    label: 'commands.project.new',
    shortcut: 'Mod+N',
    perform: async (ctx) => reportFailure(ctx, await ctx.project.newProject()),
  },
  {
    id: 'project.open',
    label: 'commands.project.open',
    shortcut: 'Mod+O',
    perform: (ctx) => askPathThen(ctx, 'open', (p) => ctx.project.open(p)),
  },
  {
    id: 'project.openExample',
    label: 'commands.project.openExample',
    perform: async (ctx) => reportFailure(ctx, await ctx.project.openExample()),
  },
  {
    id: 'project.saveAs',
    label: 'commands.project.saveAs',
    shortcut: 'Mod+Shift+S',
    enabled: hasProject,
    perform: (ctx) => askPathThen(ctx, 'save', (p) => ctx.project.saveAs(p)),
  },
  {
    id: 'project.close',
    label: 'commands.project.close',
    shortcut: 'Mod+W',
    enabled: hasProject,
    perform: async (ctx) => reportFailure(ctx, await ctx.project.close()),
  },
  {
    id: 'project.openPath',
    label: 'commands.project.openPath',
    needsInput: true,
    perform: async (ctx, input) => {
      if (!input) throw new Error('project.openPath needs a path: project.openPath:/path/to/file.meterplan');
      reportFailure(ctx, await ctx.project.open(input));
    },
  },
];
