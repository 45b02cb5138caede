// What a new project starts with: the building record, the default wall materials, one floor.
import type { SqliteDatabase } from './sqlite';
import { BAND_2G4_HZ, defaultMaterialsFor } from '../../../shared/model/materials';

export function seedNewProject(db: SqliteDatabase, name: string): void {
  db.prepare("INSERT INTO building (id, name, address, notes) VALUES (1, ?, '', '')").run(name);
  const insert = db.prepare('INSERT INTO materials (name, attenuation_db, colour) VALUES (?, ?, ?)');
  // A new project plans 2.4 GHz radios (Zigbee, BLE, Wi-Fi); the losses are editable per project.
  for (const m of defaultMaterialsFor(BAND_2G4_HZ)) insert.run(m.name, m.attenuationDb, m.colour);
  db.prepare("INSERT INTO floors (name, level, width_m, height_m, outline_json, grid_pitch_m) VALUES ('Ground floor', 0, 20, 15, '[]', 1)").run();
  db.prepare("INSERT INTO meta (key, value) VALUES ('created', ?)").run(new Date().toISOString());
}
