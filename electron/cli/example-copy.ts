// A temporary copy of a built-in example for commands that read it: opening a project may migrate it,
// and the example in resources/ must never change. The copy is removed when the process exits.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLES, type ExampleName } from '../services/project/project-service';
import { repositoryRoot } from '../shell/paths';

export function copyOfExample(name: ExampleName): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-example-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const copy = path.join(dir, EXAMPLES[name].file);
  copyFileSync(path.join(repositoryRoot(__dirname), 'resources', 'examples', EXAMPLES[name].file), copy);
  return copy;
}
