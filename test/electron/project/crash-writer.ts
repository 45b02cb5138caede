// Child process for the crash-safety test: commits a stream of edits to a project as fast as it can and
// reports each edit's id on stdout only after its transaction has committed. The test kills it with SIGKILL.
import { openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer FILE');
const opened = openProjectFile(file);
if (!opened.ok) throw new Error(opened.message);
const store = new ProjectStore(opened.value.db);
const floorId = store.listFloors()[0]!.id;
const materialId = store.listMaterials()[0]!.id;
for (let i = 0; ; i++) {
  const r = store.addWall({ floorId, a: { x: i % 20, y: 0 }, b: { x: i % 20, y: 1 + (i % 7) }, materialId });
  if (!r.ok) throw new Error(r.message);
  // A large edit too, so that the kill often lands in the middle of writing several pages.
  store.updateBuilding({ notes: `edit ${i} `.repeat(200 + (i % 50)) });
  process.stdout.write(`${r.value.id}\n`);
}
