// Both languages hold every visible string: same keys, same placeholders, nothing empty; and every key
// the code builds from data (commands, areas, empty states) exists.
import { describe, expect, it } from 'vitest';
import { EN as en, FR as fr } from '../../renderer/src/i18n/bundles';
import { ALL_COMMANDS } from '../../renderer/src/commands/all-commands';
import { AREAS } from '../../renderer/src/state/ui-store';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const enKeys = flatten(en as Tree);
const frKeys = flatten(fr as Tree);

describe('translations', () => {
  it('English and French have exactly the same keys', () => {
    const onlyEn = [...enKeys.keys()].filter((k) => !frKeys.has(k));
    const onlyFr = [...frKeys.keys()].filter((k) => !enKeys.has(k));
    expect({ onlyEn, onlyFr }).toEqual({ onlyEn: [], onlyFr: [] });
    expect(enKeys.size).toBeGreaterThan(100);
  });

  it('every string is filled in and uses the same placeholders in both languages', () => {
    for (const [key, text] of enKeys) {
      const other = frKeys.get(key)!;
      expect(text.trim(), `en ${key}`).not.toBe('');
      expect(other.trim(), `fr ${key}`).not.toBe('');
      expect(placeholders(other), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('has a label for every command, and names, hints and empty states for every area', () => {
    for (const c of ALL_COMMANDS) expect(enKeys.has(c.label), c.label).toBe(true);
    for (const area of AREAS) {
      expect(enKeys.has(`areas.${area}`)).toBe(true);
      expect(enKeys.has(`areaHints.${area}`)).toBe(true);
      if (area === 'plan') continue;
      for (const part of ['title', 'body', 'inspector', 'points.0', 'points.1', 'points.2']) {
        expect(enKeys.has(`empty.${area}.${part}`), `empty.${area}.${part}`).toBe(true);
      }
    }
    for (const s of ['connecting', 'open', 'lost']) expect(enKeys.has(`status.connection.${s}`)).toBe(true);
  });

  it('really translates: French differs from English for the labels a user sees first', () => {
    for (const key of ['areas.optimise', 'titleBar.saveAs', 'status.saved', 'welcome.title', 'devices.sensorPlural']) {
      expect(frKeys.get(key), key).not.toBe(enKeys.get(key));
    }
  });
});
