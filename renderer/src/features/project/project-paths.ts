// File names and paths the renderer proposes in its own Open / Save As dialog (the web shell has no
// native one). It never touches the file system: it only prefills a field the user can change.

export const PROJECT_EXTENSION = '.meterplan';

/** Characters that Windows, macOS or Linux refuse in a file name (control characters included). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A file name for "Save As": the project's name, else the building's, made safe for every platform. */
export function suggestProjectFileName(displayName: string | null, untitled: boolean, buildingName: string | null): string {
  const base = (!untitled && displayName ? displayName : buildingName?.trim() || displayName || 'Project')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return (base || 'Project') + PROJECT_EXTENSION;
}

/** The separator `dir` already uses (a Windows documents folder has backslashes). */
export function pathSeparator(dir: string): '/' | '\\' {
  return dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
}

export function joinPath(dir: string, name: string): string {
  const sep = pathSeparator(dir);
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** The last component of a path, for labels ("Thesis office.meterplan"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
