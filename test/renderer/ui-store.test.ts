import { describe, expect, it } from 'vitest';
import { pickActiveFloorId } from '../../renderer/src/state/project-store';
import { createUiStore, MAX_TOASTS, resolveTheme, selectResolvedTheme } from '../../renderer/src/state/ui-store';
import { cssVariableName, DEVICE_COLOURS, installPaletteVariables } from '../../renderer/src/theme/palette';
import { officeSnapshot } from './snapshots';

describe('ui store', () => {
  it('keeps the newest toasts only, and dismisses by id', () => {
    const ui = createUiStore();
    const ids = Array.from({ length: MAX_TOASTS + 2 }, (_, i) => ui.getState().pushToast('info', `m${i}`));
    expect(ui.getState().toasts.map((t) => t.message)).toEqual(['m2', 'm3', 'm4', 'm5']);
    ui.getState().dismissToast(ids[3]!);
    expect(ui.getState().toasts.map((t) => t.message)).toEqual(['m2', 'm4', 'm5']);
  });

  it('resolves "system" with the desktop preference, and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    const ui = createUiStore({ theme: 'system' });
    ui.getState().setPrefersDark(true);
    expect(selectResolvedTheme(ui.getState())).toBe('dark');
  });
});

describe('active floor', () => {
  it('keeps the chosen floor while it exists, else takes the lowest level', () => {
    const s = officeSnapshot();
    s.floors.push({ ...s.floors[0]!, id: 2, name: 'Basement', level: -1 });
    expect(pickActiveFloorId(s, 1)).toBe(1);
    expect(pickActiveFloorId(s, 99)).toBe(2);
    expect(pickActiveFloorId(null, 1)).toBeNull();
  });
});

describe('palette', () => {
  it('installs each meaningful colour once as a CSS variable', () => {
    const set = new Map<string, string>();
    installPaletteVariables({ setProperty: (k: string, v: string | null) => void set.set(k, v ?? '') });
    expect(set.get('--device-sensor')).toBe(DEVICE_COLOURS.sensor);
    expect(set.get('--objective-over-coverage')).toBeDefined();
    expect(cssVariableName('objective', 'overCoverage')).toBe('--objective-over-coverage');
  });
});
