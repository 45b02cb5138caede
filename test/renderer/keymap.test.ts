import { describe, expect, it } from 'vitest';
import type { Command } from '../../renderer/src/commands/command';
import { findCommandForKey, formatShortcut, normaliseShortcut, shortcutOfEvent, type KeyLike } from '../../renderer/src/commands/keymap';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({ code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k });

describe('keyboard shortcuts', () => {
  it('spells shortcuts one way whatever the order and case they were written in', () => {
    expect(normaliseShortcut('shift+mod+p')).toBe('Mod+Shift+P');
    expect(normaliseShortcut('Alt+Mod+1')).toBe('Mod+Alt+1');
  });

  it('reads Ctrl on Linux and Windows, Cmd on macOS, as Mod', () => {
    expect(shortcutOfEvent(key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+P');
    expect(shortcutOfEvent(key({ key: 'p', code: 'KeyP', metaKey: true, shiftKey: true }), true)).toBe('Mod+Shift+P');
    // Ctrl on a Mac is its own modifier, not Mod.
    expect(shortcutOfEvent(key({ key: 'p', code: 'KeyP', ctrlKey: true }), true)).toBe('Ctrl+P');
    expect(shortcutOfEvent(key({ key: 'Shift', shiftKey: true }), false)).toBeNull();
  });

  it('takes digits from the physical key, so Ctrl+1 works on AZERTY where the key gives "&"', () => {
    expect(shortcutOfEvent(key({ key: '&', code: 'Digit1', ctrlKey: true }), false)).toBe('Mod+1');
    // and letters from the layout: the key labelled A on AZERTY sits where QWERTY has Q.
    expect(shortcutOfEvent(key({ key: 'a', code: 'KeyQ', ctrlKey: true }), false)).toBe('Mod+A');
  });

  it('finds the command bound to a key, and none for a key bound to nothing', () => {
    const commands: Command[] = [
      { id: 'a', label: 'a', shortcut: 'Mod+Shift+P', perform: () => {} },
      { id: 'b', label: 'b', shortcut: 'Mod+1', perform: () => {} },
      { id: 'c', label: 'c', perform: () => {} },
    ];
    expect(findCommandForKey(commands, key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), false)?.id).toBe('a');
    expect(findCommandForKey(commands, key({ key: '1', code: 'Digit1', ctrlKey: true }), false)?.id).toBe('b');
    expect(findCommandForKey(commands, key({ key: 'p', code: 'KeyP', ctrlKey: true }), false)).toBeNull();
  });

  it('shows shortcuts as each platform writes them', () => {
    expect(formatShortcut('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('Mod+Shift+P', true)).toBe('⇧⌘P');
    expect(formatShortcut('Mod+Alt+Shift+S', true)).toBe('⌥⇧⌘S');
  });
});
