// The file the export dialog proposes: the building's name and what the file holds, made safe for every
// platform, in the documents folder. It only prefills a field the user can change.
import type { ExportFormat } from '../../../../../shared/api/export-api';
import { joinPath } from '../../project/project-paths';

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

const WHAT: Readonly<Record<ExportFormat, string>> = {
  pdf: 'deployment report',
  png: 'plan',
  svg: 'plan',
  csv: 'coordinates',
  json: 'deployment',
};

export function suggestExportFileName(buildingName: string | null, format: ExportFormat): string {
  const base = (buildingName ?? '').replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80).trim() || 'Meterplan';
  return `${base} - ${WHAT[format]}.${format}`;
}

export function suggestExportPath(documentsDir: string, buildingName: string | null, format: ExportFormat): string {
  const name = suggestExportFileName(buildingName, format);
  return documentsDir ? joinPath(documentsDir, name) : name;
}

/** The typed path with the format's extension added when it has none (a user typing "plan" means plan.pdf). */
export function withExtension(path: string, format: ExportFormat): string {
  const trimmed = path.trim();
  return /\.[A-Za-z0-9]{2,5}$/.test(trimmed.split(/[\\/]/).pop() ?? '') ? trimmed : `${trimmed}.${format}`;
}
