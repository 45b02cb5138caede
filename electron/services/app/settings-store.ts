// Preferences and the recent-projects list, kept as one small JSON file in the user's data folder.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SettingsSchema, type Settings } from '../../../shared/api/app-api';
import { RecentProjectSchema, type RecentProject } from '../../../shared/api/project-api';
import { writeFileAtomic } from './atomic-write';

const MAX_RECENT = 10;

const FileSchema = z.object({
  settings: SettingsSchema,
  recent: z.array(RecentProjectSchema),
  /** Set once the first start has shown the built-in example. */
  exampleShown: z.boolean(),
});
type SettingsFile = z.infer<typeof FileSchema>;

const DEFAULTS: SettingsFile = { settings: { language: 'en', theme: 'system' }, recent: [], exampleShown: false };

export class SettingsStore {
  private data: SettingsFile;
  private readonly file: string;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'settings.json');
    this.data = load(this.file);
  }

  get settings(): Settings {
    return this.data.settings;
  }
  get recent(): RecentProject[] {
    return this.data.recent;
  }
  get exampleShown(): boolean {
    return this.data.exampleShown;
  }

  update(patch: Partial<Settings>): Settings {
    this.data = { ...this.data, settings: { ...this.data.settings, ...patch } };
    this.save();
    return this.data.settings;
  }

  markExampleShown(): void {
    this.data = { ...this.data, exampleShown: true };
    this.save();
  }

  addRecent(filePath: string, displayName: string): void {
    const entry = { path: filePath, displayName, openedAt: new Date().toISOString() };
    this.data = { ...this.data, recent: [entry, ...this.data.recent.filter((r) => r.path !== filePath)].slice(0, MAX_RECENT) };
    this.save();
  }

  removeRecent(filePath: string): void {
    this.data = { ...this.data, recent: this.data.recent.filter((r) => r.path !== filePath) };
    this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2));
  }
}

/** A missing or damaged settings file gives the defaults: preferences are not worth refusing to start for. */
function load(file: string): SettingsFile {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}
