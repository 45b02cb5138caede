// The device catalogue and adding its entries to the project.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/api/result';
import { parseCatalogue, parseDeviceSpec, type Catalogue } from '../../../shared/model/catalogue';
import type { ProjectService } from '../project/project-service';

/** Reads and checks resources/catalogue/devices.json; a damaged catalogue is a clear result, not a crash. */
export function loadCatalogue(resourcesDir: string): Result<Catalogue> {
  const file = path.join(resourcesDir, 'catalogue', 'devices.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return err('invalid-catalogue', `The device catalogue ${file} cannot be read: ${(e as Error).message}`);
  }
  const parsed = parseCatalogue(json);
  return parsed.ok ? ok(parsed.value) : err(parsed.code, parsed.message);
}

export function catalogueHandlers(resourcesDir: string, projects: ProjectService) {
  let cached: Result<Catalogue> | null = null;
  return {
    getCatalogue: () => {
      cached ??= loadCatalogue(resourcesDir);
      return cached.ok ? ok({ devices: cached.value.devices.map((d) => ({ ...d }) as Record<string, unknown>) }) : cached;
    },
    addDeviceType: ({ spec }: { spec: Record<string, unknown> }) => {
      const store = projects.store;
      if (!store.ok) return store;
      const parsed = parseDeviceSpec(spec);
      if (!parsed.ok) return err(parsed.code, parsed.message);
      const { kind, name } = parsed.value;
      return store.value.addDeviceType({ kind, name, spec: parsed.value as unknown as Record<string, unknown> });
    },
  };
}
