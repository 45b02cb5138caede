// The plan editor's keys, in both shells: V W Z G S R X pick a tool, Enter/Escape finish or cancel,
// Delete (or Backspace) deletes the selection, Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, Ctrl+A
// selects all. Listening on the document (after React's handlers, before the window's shortcut
// handler), it runs the registry's commands itself, and keeps single-letter keys away from that
// handler while the user types in a field, so that typing "w" in a name never switches tools.
import { useEffect } from 'react';
import { normaliseShortcut, shortcutOfEvent } from '../../../commands/keymap';
import { useApp } from '../../../state/app-context';
import { plannerCommands } from '../planner-commands';

/** Shortcut → command id: the commands' own, plus the usual alternatives. */
export const PLAN_KEYS: ReadonlyMap<string, string> = new Map([
  ...plannerCommands.filter((c) => c.shortcut).map((c) => [normaliseShortcut(c.shortcut!), c.id] as [string, string]),
  ['Backspace', 'planner.delete'],
  ['Mod+Y', 'planner.redo'],
]);

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'password', 'url', 'tel', '']);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** Enter on a button or link belongs to it. */
const isActivatable = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('button, a, [role="button"], [role="menuitem"]') !== null;

export function usePlanKeys(): void {
  const { commands, isMac, ui } = useApp();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const pressed = shortcutOfEvent(e, isMac);
      const id = pressed ? PLAN_KEYS.get(pressed) : undefined;
      if (!id) return;
      if (isTypingTarget(e.target)) {
        e.stopPropagation();
        return;
      }
      if (ui.getState().dialog !== null || (pressed === 'Enter' && isActivatable(e.target))) return;
      const command = commands.get(id);
      if (!command || !commands.isEnabled(command)) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) void commands.run(id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [commands, isMac, ui]);
}
