// Schema migrations: MIGRATIONS[i] takes a project from format version i to i + 1. They only ever run
// forward, each in the same transaction as the user_version bump, and are tested from version 0 (empty).
import type { SqliteDatabase } from './sqlite';

export interface Migration {
  readonly to: number;
  readonly description: string;
  up(db: SqliteDatabase): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    description: 'building, materials, floors, walls, zones, device types, placements',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE building (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE materials (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
          attenuation_db REAL NOT NULL CHECK (attenuation_db >= 0), colour TEXT NOT NULL
        ) STRICT;
        CREATE TABLE floors (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL DEFAULT 0,
          width_m REAL NOT NULL CHECK (width_m > 0), height_m REAL NOT NULL CHECK (height_m > 0),
          outline_json TEXT NOT NULL DEFAULT '[]',
          grid_pitch_m REAL NOT NULL DEFAULT 1 CHECK (grid_pitch_m > 0),
          plan_json TEXT, plan_image BLOB
        ) STRICT;
        CREATE TABLE walls (
          id INTEGER PRIMARY KEY, floor_id INTEGER NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
          ax REAL NOT NULL, ay REAL NOT NULL, bx REAL NOT NULL, by REAL NOT NULL,
          material_id INTEGER NOT NULL REFERENCES materials(id),
          thickness_m REAL NOT NULL DEFAULT 0.1 CHECK (thickness_m > 0)
        ) STRICT;
        CREATE INDEX walls_floor ON walls(floor_id);
        CREATE TABLE zones (
          id INTEGER PRIMARY KEY, floor_id INTEGER NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('installable', 'exclusion', 'poi', 'gateway')),
          name TEXT NOT NULL DEFAULT '', polygon_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX zones_floor ON zones(floor_id);
        CREATE TABLE device_types (
          id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('sensor', 'router', 'gateway')),
          name TEXT NOT NULL, spec_json TEXT NOT NULL DEFAULT '{}'
        ) STRICT;
        CREATE TABLE placements (
          id INTEGER PRIMARY KEY, floor_id INTEGER NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
          device_type_id INTEGER NOT NULL REFERENCES device_types(id),
          x REAL NOT NULL, y REAL NOT NULL, label TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX placements_floor ON placements(floor_id);
      `);
    },
  },
  {
    to: 2,
    description: 'optimisation runs: parameters, per-generation history and final front',
    up(db) {
      db.exec(`
        CREATE TABLE optimization_runs (
          id INTEGER PRIMARY KEY, floor_id INTEGER NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL, problem TEXT NOT NULL, algorithm TEXT NOT NULL, encoding TEXT NOT NULL,
          seed INTEGER NOT NULL, summary_json TEXT NOT NULL,
          -- Read only when a run is opened: the list of runs never touches them.
          history_json TEXT NOT NULL, front_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX optimization_runs_floor ON optimization_runs(floor_id);
      `);
    },
  },
  {
    to: 3,
    description: 'metering: sessions, captures (compact sample blobs), one-minute aggregates, calibrations',
    up(db) {
      db.exec(`
        CREATE TABLE meter_sessions (
          id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT,
          board_serial TEXT NOT NULL, board_json TEXT NOT NULL, port TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        -- Samples are a blob (format names its encoding, e.g. 'f32le-interleaved'); the list of
        -- captures never reads it.
        CREATE TABLE captures (
          id INTEGER PRIMARY KEY, session_id INTEGER REFERENCES meter_sessions(id) ON DELETE SET NULL,
          created_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
          sample_rate_hz REAL NOT NULL CHECK (sample_rate_hz > 0), channels_json TEXT NOT NULL,
          sample_count INTEGER NOT NULL CHECK (sample_count >= 0), format TEXT NOT NULL, samples BLOB NOT NULL,
          metrics_json TEXT NOT NULL DEFAULT '{}'
        ) STRICT;
        CREATE TABLE minute_aggregates (
          session_id INTEGER NOT NULL REFERENCES meter_sessions(id) ON DELETE CASCADE,
          minute_start TEXT NOT NULL,
          samples INTEGER NOT NULL, vrms_avg REAL, vrms_min REAL, vrms_max REAL, irms_avg REAL, irms_max REAL,
          p_avg_w REAL, q_avg_var REAL, s_avg_va REAL, pf_avg REAL, frequency_avg_hz REAL,
          energy_wh REAL NOT NULL DEFAULT 0, temperature_c REAL,
          PRIMARY KEY (session_id, minute_start)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE calibrations (
          id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, board_serial TEXT NOT NULL,
          passed INTEGER NOT NULL CHECK (passed IN (0, 1)), record_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX calibrations_board ON calibrations(board_serial, id);
      `);
    },
  },
];

export const CURRENT_FORMAT_VERSION = MIGRATIONS.length;

/** Runs every migration above `from`; the caller wraps the call in a transaction. */
export function migrate(db: SqliteDatabase, from: number, to: number = CURRENT_FORMAT_VERSION): void {
  for (const m of MIGRATIONS.slice(from, to)) {
    m.up(db);
    db.pragma(`user_version = ${m.to}`);
  }
}
