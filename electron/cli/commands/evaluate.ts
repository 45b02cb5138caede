// `npm run cli -- evaluate (--project FILE | --example thesis-office) [--floor N] [--placement FILE.json]
//   [--sensor KEY --router KEY --gateway KEY] [--fade-margin DB] [--exponent N] [--topology mesh|star]
//   [--json OUT]`
// Evaluates a placement on a floor: the objectives, and per device the power received from its best
// neighbour, its hop count to the gateway and its battery life. Without --placement the example uses the
// thesis's NSGA-II plan. --sensor/--router/--gateway swap in device types from the catalogue (e.g. the
// Zigbee CC2530 family) to see the same plan with real radios through the walls.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import catalogueJson from '../../../resources/catalogue/devices.json';
import type { CliCommand } from '../command';
import { CliUsageError } from '../command';
import type { Catalogue } from '../../../shared/model/catalogue';
import { findDevice, parseCatalogue, parseDeviceSpec, type DeviceSpec } from '../../../shared/model/catalogue';
import { pickFloorId, readProjectSnapshot } from '../../services/project/read-snapshot';
import type { ExampleFloor } from '../../../shared/model/examples/thesis-office';
import { thesisNsga2Placement, thesisOfficeFloor } from '../../../shared/model/examples/thesis-office';
import type { Placement, PlacementReport } from '../../../shared/optimize/problems/deployment/evaluate-placement';
import { evaluatePlacement } from '../../../shared/optimize/problems/deployment/evaluate-placement';
import { buildDeploymentFloor } from '../../../shared/optimize/problems/deployment/floor-model';

const PointSchema = z.union([
  z.object({ x: z.number().finite(), y: z.number().finite() }),
  z.tuple([z.number().finite(), z.number().finite()]).transform(([x, y]) => ({ x, y })),
]);
/** `{ "sensors": [{ "x": 5.5, "y": 0.5 } | [5.5, 0.5], …], "routers": [...] }` in metres. */
export const PlacementFileSchema = z.object({
  sensors: z.array(PointSchema).default([]),
  routers: z.array(PointSchema).default([]),
});

/** The floor of a project file with its walls, zones, materials, device types and its own placement. */
export function loadFloorFromProject(file: string, floorArg: number | undefined): { example: ExampleFloor; placement: Placement } {
  const snapshot = readProjectSnapshot(file);
  if (!snapshot.ok) throw new CliUsageError(snapshot.message);
  const snap = snapshot.value;
  const floorId = pickFloorId(snap, floorArg);
  if (!floorId.ok) throw new CliUsageError(floorId.message);
  const spec = (kind: 'sensor' | 'router'): DeviceSpec => {
    const type = snap.deviceTypes.find((t) => t.kind === kind);
    if (!type) throw new CliUsageError(`the project has no ${kind} type: add one from the catalogue (or pass --${kind} KEY)`);
    const parsed = parseDeviceSpec(type.spec, type.name);
    if (!parsed.ok) throw new CliUsageError(parsed.message);
    return parsed.value;
  };
  const kindOf = new Map(snap.deviceTypes.map((t) => [t.id, t.kind]));
  const onFloor = snap.placements.filter((p) => p.floorId === floorId.value);
  const at = (kind: 'sensor' | 'router') => onFloor.filter((p) => kindOf.get(p.deviceTypeId) === kind).map((p) => ({ x: p.x, y: p.y }));
  return {
    example: {
      floor: snap.floors.find((f) => f.id === floorId.value)!,
      walls: snap.walls.filter((w) => w.floorId === floorId.value),
      zones: snap.zones.filter((z) => z.floorId === floorId.value),
      materials: snap.materials,
      sensor: spec('sensor'),
      router: spec('router'),
    },
    placement: { sensors: at('sensor'), routers: at('router') },
  };
}

function loadCatalogue(): Catalogue {
  const parsed = parseCatalogue(catalogueJson);
  if (!parsed.ok) throw new Error(`the built-in device catalogue is broken: ${parsed.message}`);
  return parsed.value;
}

function readPlacement(file: string): Placement {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliUsageError(`cannot read placement file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliUsageError(`placement file ${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = PlacementFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliUsageError(`placement file ${file}: ${issue.path.join('.') || '(top)'}: ${issue.message} (expected {"sensors": [{"x":…,"y":…}], "routers": […]})`);
  }
  return parsed.data;
}

const round = (v: number | null, digits = 3): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

function printSummary(source: string, report: PlacementReport): void {
  const o = report.objectives;
  console.log(`${source} (${report.mode} model)`);
  console.log(
    `  cost ${o.cost}  coverage ${round(o.coverage, 2)} %  connectivity ${round(o.connectivity, 2)} %  over-coverage ${round(o.overCoverage, 2)} %` +
      (o.lifetime === null ? '' : `  worst lifetime ${round(o.lifetime, 2)} years`),
  );
  if (report.mode === 'network') {
    for (const d of report.devices) {
      console.log(
        `  ${`${d.role} ${d.index + 1}`.padEnd(10)} (${d.x.toFixed(2)}, ${d.y.toFixed(2)}) m  rx ${d.rxPowerDbm === null ? '—' : `${d.rxPowerDbm.toFixed(1)} dBm`}` +
          `  hops ${d.hops ?? '—'}  tx ${d.txPowerDbm ?? '—'} dBm  life ${d.lifetimeYears === null ? 'mains' : `${d.lifetimeYears.toFixed(1)} y`}`,
      );
    }
  }
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'evaluate a placement: objectives, per-device received power, hops and lifetime',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        project: { type: 'string' },
        example: { type: 'string' },
        floor: { type: 'string' },
        placement: { type: 'string' },
        sensor: { type: 'string' },
        router: { type: 'string' },
        gateway: { type: 'string' },
        'fade-margin': { type: 'string' },
        exponent: { type: 'string' },
        topology: { type: 'string' },
        json: { type: 'string' },
      },
      strict: true,
    });
    if ((values.project === undefined) === (values.example === undefined)) throw new CliUsageError('give exactly one of --project FILE or --example thesis-office');
    const floorId = values.floor === undefined ? undefined : Number(values.floor);
    if (floorId !== undefined && !(Number.isInteger(floorId) && floorId > 0)) throw new CliUsageError(`--floor takes a floor id (a positive whole number), not "${values.floor}"`);

    let example: ExampleFloor;
    let placement: Placement;
    let source: string;
    if (values.project !== undefined) {
      ({ example, placement } = loadFloorFromProject(values.project, floorId));
      source = values.project;
    } else {
      if (values.example !== 'thesis-office') throw new CliUsageError(`unknown example "${values.example}" (available: thesis-office)`);
      if (floorId !== undefined && floorId !== 1) throw new CliUsageError(`the thesis-office example has one floor (1), not ${floorId}`);
      example = thesisOfficeFloor();
      placement = thesisNsga2Placement();
      source = 'example thesis-office';
    }
    if (values.placement !== undefined) placement = readPlacement(values.placement);

    const catalogue = loadCatalogue();
    const device = (key: string | undefined, kind: 'sensor' | 'router' | 'gateway') => {
      if (key === undefined) return undefined;
      const d = findDevice(catalogue, key);
      const keys = catalogue.devices.filter((c) => c.kind === kind).map((c) => c.key);
      if (!d || d.kind !== kind) throw new CliUsageError(`--${kind} "${key}" is not a ${kind} of the catalogue (available: ${keys.join(', ')})`);
      return d;
    };
    const number = (name: string, raw: string | undefined, ok: (v: number) => boolean, what: string): number | undefined => {
      if (raw === undefined) return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || !ok(v)) throw new CliUsageError(`--${name} takes ${what}, not "${raw}"`);
      return v;
    };
    const fadeMarginDb = number('fade-margin', values['fade-margin'], (v) => v >= 0 && v <= 60, 'a margin in dB between 0 and 60');
    const pathLossExponent = number('exponent', values.exponent, (v) => v >= 1.5 && v <= 6, 'a path-loss exponent between 1.5 and 6');
    if (values.topology !== undefined && values.topology !== 'mesh' && values.topology !== 'star') throw new CliUsageError(`--topology takes mesh or star, not "${values.topology}"`);
    const topology = values.topology as 'mesh' | 'star' | undefined;
    const built = buildDeploymentFloor({
      ...example,
      fadeMarginDb,
      pathLossExponent,
      topology,
      sensor: device(values.sensor, 'sensor') ?? example.sensor,
      router: device(values.router, 'router') ?? example.router,
      gateway: device(values.gateway, 'gateway'),
    });
    if (!built.ok) {
      console.error(`meterplan: ${built.message}`);
      return 1;
    }
    const report = evaluatePlacement(built.value, placement);
    printSummary(source, report);
    if (values.json !== undefined) {
      const out = path.resolve(values.json);
      const doc = {
        source,
        floor: { id: built.value.floor.id, name: built.value.floor.name },
        deviceTypes: { sensor: built.value.sensor.key, router: built.value.router.key, gateway: built.value.gatewaySpec.key },
        warnings: built.value.warnings.map((w) => ({ code: w.code, message: w.message })),
        ...report,
      };
      writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
      console.log(`wrote ${out}`);
    }
    return 0;
  },
};
