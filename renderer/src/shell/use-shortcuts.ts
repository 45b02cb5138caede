// Keyboard shortcuts in the browser. In the desktop shell the native menu owns the same accelerators
// and sends menuCommand events, so the page stays out of the way there (a key would otherwise run twice).
import { useEffect } from 'react';
import { findCommandForKey } from '../commands/keymap';
import { useApp, useUi } from '../state/app-context';

export function useShortcuts(): void {
  const { commands, isMac } = useApp();
  const shell = useUi((s) => s.appInfo?.shell ?? null);
  useEffect(() => {
    if (shell !== 'web') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      // A plain key typed into a field is text, not a command (W in a name field draws no wall).
      if (!e.ctrlKey && !e.metaKey && !e.altKey && isTextField(e.target)) return;
      const command = findCommandForKey(commands.all(), e, isMac);
      if (!command || !commands.isEnabled(command)) return;
      e.preventDefault();
      void commands.run(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, isMac, shell]);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range', 'color', 'file'].includes(target.type);
}
