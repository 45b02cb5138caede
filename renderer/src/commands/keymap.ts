// Keyboard shortcuts as strings ('Mod+Shift+P'): matching a key event to a command, and showing them.
// Letters follow the layout's key (e.key: Ctrl+Z is the key labelled Z on AZERTY too); digits follow the
// physical key (e.code), since on AZERTY the digit row gives '&', 'é', … without Shift.
import type { Command } from './command';

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const MODIFIER_ORDER = ['Mod', 'Ctrl', 'Alt', 'Shift'] as const;

/** The canonical spelling of a shortcut: modifiers in a fixed order, key upper-cased. */
export function normaliseShortcut(shortcut: string): string {
  const parts = shortcut.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const mods = MODIFIER_ORDER.filter((m) => parts.some((p) => p.toLowerCase() === m.toLowerCase()));
  return [...mods, key.length === 1 ? key.toUpperCase() : key].join('+');
}

/** The shortcut a key event stands for, or null for a bare modifier press. */
export function shortcutOfEvent(e: KeyLike, isMac: boolean): string | null {
  if (['Control', 'Meta', 'Shift', 'Alt'].includes(e.key)) return null;
  const digit = /^Digit(\d)$/.exec(e.code);
  const key = digit ? digit[1]! : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const mods: string[] = [];
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod) mods.push('Mod');
  if (isMac && e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  return [...mods, key].join('+');
}

export function findCommandForKey(commands: readonly Command[], e: KeyLike, isMac: boolean): Command | null {
  const pressed = shortcutOfEvent(e, isMac);
  if (!pressed) return null;
  return commands.find((c) => c.shortcut !== undefined && normaliseShortcut(c.shortcut) === pressed) ?? null;
}

/** 'Mod+Shift+P' → 'Ctrl+Shift+P', or '⇧⌘P' on macOS. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const parts = normaliseShortcut(shortcut).split('+');
  const key = parts.pop()!;
  if (isMac) {
    const symbol: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
    // Apple's order: ⌃ ⌥ ⇧ ⌘.
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    return parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((p) => symbol[p]).join('') + key;
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), key].join('+');
}
