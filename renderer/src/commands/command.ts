// A command is the one way the window does something: the native menu (menuCommand events), keyboard
// shortcuts, the command palette, buttons and tests all run commands by id (STYLE.md, "Renderer").
import type { MeterplanApi } from '../../../shared/api/contract';
import type { ProjectController } from '../state/project-controller';
import type { ProjectStore } from '../state/project-store';
import type { UiStore } from '../state/ui-store';

export interface CommandContext {
  readonly api: MeterplanApi;
  readonly project: ProjectController;
  readonly projectStore: ProjectStore;
  readonly ui: UiStore;
}

export interface Command {
  /** Stable id, used by the desktop menu: 'project.open', 'view.plan', … */
  readonly id: string;
  /** i18n key of the label shown in the palette and tooltips. */
  readonly label: string;
  /** 'Mod+Shift+P': Mod is Cmd on macOS, Ctrl elsewhere. */
  readonly shortcut?: string;
  /** Commands that need an input (e.g. a path) are run by id:input and are not listed in the palette. */
  readonly needsInput?: boolean;
  /** When false the palette greys it out and its shortcut does nothing. */
  enabled?(ctx: CommandContext): boolean;
  /** `input` is what follows the first ':' of a command line ('project.openPath:/home/x.meterplan'). */
  perform(ctx: CommandContext, input?: string): void | Promise<void>;
}

/** 'project.openPath:/a:b.meterplan' → id 'project.openPath', input '/a:b.meterplan'. */
export function parseCommandLine(line: string): { id: string; input?: string } {
  const colon = line.indexOf(':');
  return colon < 0 ? { id: line } : { id: line.slice(0, colon), input: line.slice(colon + 1) };
}
