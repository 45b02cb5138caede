// Shared by the export tests: the shipped example opened from a temporary copy, poppler-utils calls,
// and minimal readers for PNG headers and PGM pixels.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';

export const repoRoot = path.resolve(__dirname, '../../..');
export const EXAMPLE = path.join(repoRoot, 'resources/examples/thesis-office.meterplan');
/** Where the tests leave pictures for a person to look at (git-ignored). */
export const ARTEFACTS = path.join(repoRoot, 'test-results/export');

export function exampleSnapshot(): ProjectSnapshot {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-export-example-'));
  try {
    const copy = path.join(dir, 'example.meterplan');
    copyFileSync(EXAMPLE, copy);
    const opened = openProjectFile(copy);
    if (!opened.ok) throw new Error(opened.message);
    try {
      return new ProjectStore(opened.value.db).snapshot();
    } finally {
      opened.value.db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Renders pages to PNG under test-results/export/<name>-<n>.png (for people), returns the paths. */
export function savePagePngs(file: string, name: string, dpi: number): string[] {
  mkdirSync(ARTEFACTS, { recursive: true });
  const prefix = path.join(ARTEFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const pages = pdfPages(file);
  const width = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(width, '0')}.png`);
}

/** Share of pixels darker than near-white on a page rendered in grey (PGM), 0…1. */
export function inkShare(file: string, page: number, dpi: number): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file]);
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then w·h bytes.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [, w, h] = header.map(Number);
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i < w * h; i++) if (pixels[i] < 235) ink++;
  return ink / (w * h);
}

/** Width and height from a PNG's IHDR, after checking the 8-byte signature. */
export function pngHeader(file: string): { signature: boolean; width: number; height: number } {
  const b = readFileSync(file);
  const signature = b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { signature: signature && b.toString('latin1', 12, 16) === 'IHDR', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
