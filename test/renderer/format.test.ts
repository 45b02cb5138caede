import { describe, expect, it } from 'vitest';
import { formatDb, formatDimensions, formatMetres, formatSquareMetres } from '../../renderer/src/i18n/format';
import { baseName, joinPath, suggestProjectFileName } from '../../renderer/src/features/project/project-paths';

const NBSP = '\u00a0';

describe('numbers with units', () => {
  it('puts a no-break space between a number and its unit', () => {
    expect(formatDimensions(10, 8, 'en')).toBe(`10${NBSP}m × 8${NBSP}m`);
    expect(formatSquareMetres(80, 'en')).toBe(`80${NBSP}m²`);
    expect(formatDb(12, 'en')).toBe(`12${NBSP}dB`);
  });

  it('writes decimals as the language does, and rounds to two places', () => {
    expect(formatMetres(2.5, 'en')).toBe(`2.5${NBSP}m`);
    expect(formatMetres(2.5, 'fr')).toBe(`2,5${NBSP}m`);
    expect(formatMetres(1 / 3, 'en')).toBe(`0.33${NBSP}m`);
  });
});

describe('paths proposed by the Open / Save As dialog', () => {
  it('names an untitled project after its building, made safe for every file system', () => {
    expect(suggestProjectFileName('Untitled', true, 'Rue des Lilas 12')).toBe('Rue des Lilas 12.meterplan');
    expect(suggestProjectFileName('Untitled', true, 'A/B: "C"?')).toBe('A-B- -C--.meterplan');
    expect(suggestProjectFileName('Untitled', true, '   ')).toBe('Untitled.meterplan');
    expect(suggestProjectFileName(null, true, null)).toBe('Project.meterplan');
    expect(suggestProjectFileName('..hidden', true, null)).toBe('hidden.meterplan');
  });

  it('keeps the name of a project that already has one', () => {
    expect(suggestProjectFileName('Thesis office', false, 'Thesis office (10 m × 8 m)')).toBe('Thesis office.meterplan');
  });

  it('joins with the separator the folder already uses', () => {
    expect(joinPath('/home/ana/Documents/Meterplan', 'a.meterplan')).toBe('/home/ana/Documents/Meterplan/a.meterplan');
    expect(joinPath('C:\\Users\\ana\\Documents\\Meterplan', 'a.meterplan')).toBe('C:\\Users\\ana\\Documents\\Meterplan\\a.meterplan');
    expect(joinPath('/tmp/', '')).toBe('/tmp/');
    expect(baseName('C:\\x\\y.meterplan')).toBe('y.meterplan');
  });
});
