// The open project of one window: new, open, open example, save as, close, recent files.
// Plain Node: the desktop shell and the web shell both host it (DESIGN.md §1).
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/api/result';
import type { ProjectInfo } from '../../../shared/api/project-api';
import type { SettingsStore } from '../app/settings-store';
import { PROJECT_EXTENSION } from './format';
import { backupProjectFile, createProjectFile, openProjectFile } from './project-file';
import { ProjectStore } from './project-store';
import { seedNewProject } from './seed';

export const EXAMPLES = { 'thesis-office': { file: 'thesis-office.meterplan', title: 'Thesis office' } } as const;
export type ExampleName = keyof typeof EXAMPLES;

export interface ProjectServiceOptions {
  /** Where untitled projects and copies of examples are created. */
  readonly documentsDir: string;
  /** resources/examples */
  readonly examplesDir: string;
  readonly settings: SettingsStore;
}

interface OpenProject {
  readonly store: ProjectStore;
  info: ProjectInfo;
  readonly unsubscribe: () => void;
}

export class ProjectService {
  private current: OpenProject | null = null;
  private readonly changeListeners = new Set<(info: ProjectInfo | null) => void>();
  private readonly editListeners = new Set<(revision: number) => void>();

  constructor(private readonly options: ProjectServiceOptions) {}

  get info(): ProjectInfo | null {
    return this.current?.info ?? null;
  }

  /** The open project's store, or a clear result when none is open. */
  get store(): Result<ProjectStore> {
    return this.current ? ok(this.current.store) : err('no-project', 'No project is open.');
  }

  onDidChangeProject(listener: (info: ProjectInfo | null) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onDidEdit(listener: (revision: number) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  newProject(): Result<ProjectInfo> {
    const filePath = this.freePath('Untitled');
    try {
      createProjectFile(filePath, (db) => seedNewProject(db, 'Untitled building'));
    } catch (e) {
      return err('cannot-create', `Could not create a project in ${this.options.documentsDir}: ${(e as Error).message}`);
    }
    return this.adopt(filePath, { untitled: true });
  }

  openProject(filePath: string): Result<ProjectInfo> {
    const resolved = path.resolve(filePath);
    if (this.current && this.current.info.path === resolved) return ok(this.current.info);
    const result = this.adopt(resolved, { untitled: false });
    if (!result.ok && (result.code === 'not-found' || result.code === 'not-a-file')) this.options.settings.removeRecent(resolved);
    return result;
  }

  /** Opens a copy of a built-in example, so that the example itself is never changed. */
  openExample(name: ExampleName): Result<ProjectInfo> {
    const example = EXAMPLES[name];
    const source = path.join(this.options.examplesDir, example.file);
    if (!existsSync(source)) return err('not-found', `The built-in example ${example.file} is missing from ${this.options.examplesDir}.`);
    const target = this.freePath(example.title);
    try {
      copyFileSync(source, target);
    } catch (e) {
      return err('cannot-create', `Could not copy the example to ${target}: ${(e as Error).message}`);
    }
    return this.adopt(target, { untitled: false });
  }

  async saveAs(destination: string): Promise<Result<ProjectInfo>> {
    if (!this.current) return err('no-project', 'No project is open.');
    let target = path.resolve(destination);
    if (!target.endsWith(PROJECT_EXTENSION)) target += PROJECT_EXTENSION;
    const { store, info } = this.current;
    if (target === info.path) return ok(info);
    if (!existsSync(path.dirname(target))) return err('not-found', `The folder ${path.dirname(target)} does not exist.`);
    try {
      await backupProjectFile(store.db, target);
    } catch (e) {
      return err('cannot-save', `Could not save to ${target}: ${(e as Error).message}`);
    }
    const wasUntitled = info.untitled;
    const result = this.adopt(target, { untitled: false });
    // An untitled project now has a real home; its scratch file is no longer anyone's.
    if (result.ok && wasUntitled) rmSync(info.path, { force: true });
    return result;
  }

  close(): void {
    if (!this.current) return;
    const { store, unsubscribe } = this.current;
    this.current = null;
    unsubscribe();
    store.db.pragma('optimize');
    store.db.close();
    this.emitChange();
  }

  /** First start shows the example; later starts reopen the last project when it is still there. */
  openOnStartup(requestedPath?: string): Result<ProjectInfo> | null {
    if (requestedPath) return this.openProject(requestedPath);
    if (!this.options.settings.exampleShown) {
      this.options.settings.markExampleShown();
      return this.openExample('thesis-office');
    }
    const last = this.options.settings.recent[0];
    return last && existsSync(last.path) ? this.openProject(last.path) : null;
  }

  private adopt(filePath: string, flags: { untitled: boolean }): Result<ProjectInfo> {
    const opened = openProjectFile(filePath);
    if (!opened.ok) return opened;
    this.close();
    const store = new ProjectStore(opened.value.db);
    const info: ProjectInfo = {
      path: filePath,
      displayName: path.basename(filePath, PROJECT_EXTENSION),
      untitled: flags.untitled,
      formatVersion: opened.value.formatVersion,
      migratedFrom: opened.value.migratedFrom,
    };
    const unsubscribe = store.onDidEdit((revision) => {
      for (const l of this.editListeners) l(revision);
    });
    this.current = { store, info, unsubscribe };
    if (!flags.untitled) this.options.settings.addRecent(filePath, info.displayName);
    this.emitChange();
    return ok(info);
  }

  private emitChange(): void {
    for (const l of this.changeListeners) l(this.info);
  }

  private freePath(base: string): string {
    for (let n = 1; ; n++) {
      const candidate = path.join(this.options.documentsDir, `${n === 1 ? base : `${base} ${n}`}${PROJECT_EXTENSION}`);
      if (!existsSync(candidate)) return candidate;
    }
  }
}
