// The built-in example: the 10 m × 8 m office of the thesis's case study (seeds/003 §4.7.1), with the
// thesis's sensor and router models and its NSGA-II deployment (Tables 4.5 and 4.7) as the placement.
//
// The thesis's grid has 8 rows × 10 columns of 1 m cells and its tables give (x, y) = (row, column)
// (compare Table 4.7 with Figure 4.13). Here x runs along the 10 m length and y along the 8 m width,
// both in metres, and a device sits at its cell's centre: (column + 0.5, row + 0.5).
import type { DeviceSpecInput } from '../../../../shared/model/catalogue';
import { THESIS_ROUTER_SPEC, THESIS_SENSOR_SPEC } from '../../../../shared/model/examples/thesis-office';
import type { SqliteDatabase } from '../sqlite';
import { seedNewProject } from '../seed';

export const THESIS_OFFICE = { lengthM: 10, widthM: 8, pitchM: 1 } as const;

/** Thesis Table 4.5, NSGA-II: routers at (row, column). */
const ROUTERS_ROW_COL: readonly (readonly [number, number])[] = [
  [3, 9],
  [4, 3],
];
/** Thesis Table 4.7, NSGA-II: sensors at (row, column). */
const SENSORS_ROW_COL: readonly (readonly [number, number])[] = [
  [0, 5], [1, 0], [1, 2], [1, 8], [3, 0], [4, 2], [4, 6], [4, 9], [6, 0], [6, 5], [7, 3], [7, 8],
];

// The thesis's device models are shared/model/examples' catalogue entries; the gateway has the routers'
// radio so that the network measures have a sink.
const THESIS_GATEWAY: DeviceSpecInput = {
  key: 'thesis-gateway',
  kind: 'gateway',
  name: 'Gateway (binary disk)',
  cost: 0,
  radio: { technology: 'ideal-disk', rangeM: 5 },
  power: { source: 'mains' },
  source: 'Not in the thesis: a sink for the network measures, with the routers’ 5 m radius',
};

export function seedThesisOffice(db: SqliteDatabase): void {
  seedNewProject(db, 'Thesis office (10 m × 8 m)');
  db.prepare("UPDATE building SET notes = ? WHERE id = 1").run(
    'Case study of the thesis "Optimisation du déploiement d’un réseau de capteurs sans fil dans un bâtiment intelligent" (§4.7): ' +
      'an 80 m² office, sensors with a 1.5 m detection radius and 3 m communication radius, routers with a 5 m radius. ' +
      'The placement is the thesis’s NSGA-II result (12 sensors, 2 routers).',
  );
  const { lengthM, widthM, pitchM } = THESIS_OFFICE;
  db.prepare("UPDATE floors SET name = 'Office', width_m = ?, height_m = ?, grid_pitch_m = ?, outline_json = ? WHERE id = 1").run(
    lengthM,
    widthM,
    pitchM,
    JSON.stringify([{ x: 0, y: 0 }, { x: lengthM, y: 0 }, { x: lengthM, y: widthM }, { x: 0, y: widthM }]),
  );
  const brick = (db.prepare("SELECT id FROM materials WHERE name = 'Brick'").get() as { id: number }).id;
  const glass = (db.prepare("SELECT id FROM materials WHERE name = 'Glass'").get() as { id: number }).id;
  const door = (db.prepare("SELECT id FROM materials WHERE name = 'Wooden door'").get() as { id: number }).id;
  const wall = db.prepare('INSERT INTO walls (floor_id, ax, ay, bx, by, material_id, thickness_m) VALUES (1, ?, ?, ?, ?, ?, ?)');
  // Outer walls; a window band on the long south side and the door on the west side.
  wall.run(0, 0, lengthM, 0, brick, 0.2);
  wall.run(lengthM, 0, lengthM, widthM, brick, 0.2);
  wall.run(lengthM, widthM, 6, widthM, brick, 0.2);
  wall.run(6, widthM, 2, widthM, glass, 0.05);
  wall.run(2, widthM, 0, widthM, brick, 0.2);
  wall.run(0, widthM, 0, 2, brick, 0.2);
  wall.run(0, 2, 0, 1, door, 0.05);
  wall.run(0, 1, 0, 0, brick, 0.2);

  const zone = db.prepare('INSERT INTO zones (floor_id, kind, name, polygon_json) VALUES (1, ?, ?, ?)');
  zone.run('installable', 'Ceiling', JSON.stringify([{ x: 0, y: 0 }, { x: lengthM, y: 0 }, { x: lengthM, y: widthM }, { x: 0, y: widthM }]));
  zone.run('gateway', 'Gateway', JSON.stringify([{ x: 0.5, y: 0.5 }]));

  const type = db.prepare('INSERT INTO device_types (kind, name, spec_json) VALUES (?, ?, ?)');
  const add = (spec: DeviceSpecInput) => Number(type.run(spec.kind, spec.name, JSON.stringify(spec)).lastInsertRowid);
  const sensor = add(THESIS_SENSOR_SPEC);
  const router = add(THESIS_ROUTER_SPEC);
  const gateway = add(THESIS_GATEWAY);

  const place = db.prepare('INSERT INTO placements (floor_id, device_type_id, x, y, label) VALUES (1, ?, ?, ?, ?)');
  SENSORS_ROW_COL.forEach(([row, col], i) => place.run(sensor, col + 0.5, row + 0.5, `S${i + 1}`));
  ROUTERS_ROW_COL.forEach(([row, col], i) => place.run(router, col + 0.5, row + 0.5, `R${i + 1}`));
  place.run(gateway, 0.5, 0.5, 'GW');
}
