// A floor prepared for the deployment problems: validated, gridded, and with every table an evaluation
// needs computed once (DESIGN §3.2): site → covered cells with their detection probability, and either
// the thesis's area tables (ideal-disk radios) or the link tables of the real radios (path loss through
// the walls, COST 231 multi-wall). An evaluation then reads tables only; it never looks at a wall.
//
// Two radio modes, chosen by the device types:
// - 'area'    both radios are 'ideal-disk' (the thesis): connectivity is the share of cells within the
//             communication radius of a device, exactly as in the thesis;
// - 'network' both radios are real and of one technology: links clear sensitivity + fade margin in
//             both directions (acknowledgements come back), at each device's highest transmit level.
import type { Floor, Material, Point, Wall, Zone } from '../../../model/building';
import type { DeviceSpec, RealRadioSpec } from '../../../model/catalogue';
import { detectionModelOf, dutyCycleAt } from '../../../model/catalogue';
import type { CoverageTarget, GridPoints } from '../../../model/sites';
import { candidateSites, monitoredCells } from '../../../model/sites';
import type { FloorProblem } from '../../../model/validate';
import { hasErrors, validateFloor } from '../../../model/validate';
import { floorOutline, gatewayPosition, zonesOfFloor } from '../../../model/zones';
import type { LossyWall } from '../../../radio/multi-wall';
import { averageCurrentMa, lifetimeYears } from '../../../radio/lifetime';
import type { PropagationModel } from '../../../radio/path-loss';
import { WallIndex } from '../../../radio/wall-index';
import type { CsrTable } from '../../problem';
import { coverageTable, reachTable } from './coverage-tables';
import type { NetworkTables } from './link-tables';
import { buildNetworkTables } from './link-tables';
import type { WeightedCsr } from './weighted-csr';

export interface DeploymentOptions {
  /** Pitch of the monitored cells and of the sensor sites; the floor's grid pitch by default. */
  readonly pitchM?: number;
  /** Pitch of the router sites; `pitchM` by default (a coarser one keeps link tables small on big floors). */
  readonly routerPitchM?: number;
  readonly coverageTarget?: CoverageTarget;
  /** dB above sensitivity a link must clear (default 10 dB). */
  readonly fadeMarginDb?: number;
  /** Log-distance exponent of the distance term (default 2: free space, COST 231 multi-wall). */
  readonly pathLossExponent?: number;
  /** A cell is covered when its joint detection probability reaches this (default 0.9; disks: any sensor). */
  readonly detectionThreshold?: number;
  /** k of k-coverage: coverage counts cells detected by at least k sensors (default 1). */
  readonly coverageK?: number;
  /** k of k-connectivity: a sensor counts when it has at least k connected parents (default 1). */
  readonly connectivityK?: number;
  /** 'mesh' (default): sensors reach the gateway over routers; 'star': a sensor needs a router in reach. */
  readonly topology?: 'mesh' | 'star';
}

export interface DeploymentFloorInput extends DeploymentOptions {
  readonly floor: Floor;
  readonly walls: readonly Wall[];
  readonly zones: readonly Zone[];
  readonly materials: readonly Material[];
  readonly sensor: DeviceSpec;
  readonly router: DeviceSpec;
  /** The coordinator at the gateway position; the router type when absent. */
  readonly gateway?: DeviceSpec;
}

export interface LifetimeTable {
  /** Years of battery life per transmit level (Infinity on mains power). */
  readonly yearsByLevel: Float64Array;
}

export interface DeploymentFloor {
  readonly floor: Floor;
  readonly outline: readonly Point[];
  readonly cells: GridPoints;
  readonly sensorSites: GridPoints;
  readonly routerSites: GridPoints;
  readonly gateway: Point | null;
  readonly walls: readonly LossyWall[];
  readonly wallIndex: WallIndex;
  readonly sensor: DeviceSpec;
  readonly router: DeviceSpec;
  readonly gatewaySpec: DeviceSpec;
  readonly mode: 'area' | 'network';
  readonly options: Required<DeploymentOptions>;
  /** Sensor site → monitored cells it may detect, with the probability (walls applied if blocking). */
  readonly sensorCover: WeightedCsr;
  /** Area mode: sensor site → cells within its communication radius; router site → likewise. */
  readonly sensorReach: CsrTable | null;
  readonly routerReach: CsrTable | null;
  /** Network mode: path-loss tables. */
  readonly network: NetworkTables | null;
  readonly propagation: PropagationModel | null;
  readonly sensorLifetime: LifetimeTable;
  readonly routerLifetime: LifetimeTable;
  /** Validation warnings (errors stop the build). */
  readonly warnings: readonly FloorProblem[];
}

export type DeploymentFloorResult =
  | { ok: true; value: DeploymentFloor }
  | { ok: false; code: string; message: string; problems: readonly FloorProblem[] };

const fail = (code: string, message: string, problems: readonly FloorProblem[] = []): DeploymentFloorResult => ({ ok: false, code, message, problems });

export function buildDeploymentFloor(input: DeploymentFloorInput): DeploymentFloorResult {
  const options: Required<DeploymentOptions> = {
    pitchM: input.pitchM ?? input.floor.gridPitchM,
    routerPitchM: input.routerPitchM ?? input.pitchM ?? input.floor.gridPitchM,
    coverageTarget: input.coverageTarget ?? 'floor',
    fadeMarginDb: input.fadeMarginDb ?? 10,
    pathLossExponent: input.pathLossExponent ?? 2,
    detectionThreshold: input.detectionThreshold ?? 0.9,
    coverageK: input.coverageK ?? 1,
    connectivityK: input.connectivityK ?? 1,
    topology: input.topology ?? 'mesh',
  };
  if (!(options.routerPitchM > 0)) return fail('bad-pitch', `The router-site pitch must be a positive number of metres (got ${options.routerPitchM}).`);
  if (!(options.detectionThreshold > 0 && options.detectionThreshold <= 1)) {
    return fail('bad-threshold', `The detection threshold must be in (0, 1] (got ${options.detectionThreshold}).`);
  }
  if (!Number.isInteger(options.coverageK) || options.coverageK < 1 || !Number.isInteger(options.connectivityK) || options.connectivityK < 1) {
    return fail('bad-k', 'k-coverage and k-connectivity need whole numbers k ≥ 1.');
  }
  const problems = validateFloor({ floor: input.floor, walls: input.walls, zones: input.zones, materials: input.materials, pitchM: options.pitchM });
  const errors = problems.filter((p) => p.severity === 'error');
  if (hasErrors(problems)) return fail(errors[0].code, errors.map((p) => p.message).join(' '), problems);

  const { sensor, router } = input;
  const gatewaySpec = input.gateway ?? router;
  if (sensor.kind !== 'sensor') return fail('wrong-device-kind', `"${sensor.name}" is a ${sensor.kind}, not a sensor.`);
  if (router.kind !== 'router') return fail('wrong-device-kind', `"${router.name}" is a ${router.kind}, not a router.`);
  const detection = detectionModelOf(sensor);
  if (!detection) return fail('sensor-without-detection', `Device type "${sensor.name}" is a sensor without a detection model.`);
  const ideal = [sensor, router, gatewaySpec].map((d) => d.radio.technology === 'ideal-disk');
  const mode = ideal.every(Boolean) ? 'area' : ideal.some(Boolean) ? null : 'network';
  if (mode === null) {
    return fail('radio-mismatch', 'The thesis\'s ideal-disk radios cannot be mixed with real radios: choose sensor, router and gateway from the same family.');
  }
  if (mode === 'network') {
    const radios = [sensor, router, gatewaySpec].map((d) => d.radio as RealRadioSpec);
    const tech = radios[0].technology;
    const frequency = radios[0].frequencyHz;
    if (radios.some((r) => r.technology !== tech || Math.abs(r.frequencyHz - frequency) > 0.05 * frequency)) {
      return fail(
        'radio-mismatch',
        `Sensor "${sensor.name}", router "${router.name}" and gateway "${gatewaySpec.name}" do not share one radio technology and band; they cannot link.`,
      );
    }
  }

  const outline = floorOutline(input.floor);
  const fz = zonesOfFloor(input.zones, input.floor.id);
  const gateway = gatewayPosition(fz);
  if (mode === 'network' && !gateway) {
    return fail('no-gateway', `Floor "${input.floor.name}" has no gateway position; the network models measure connectivity to it.`, problems);
  }
  const cells = monitoredCells(input.floor, fz, options.pitchM, options.coverageTarget);
  if (cells.count === 0) return fail('nothing-to-cover', `Floor "${input.floor.name}" has no cell to cover (no watched area or point of interest).`, problems);
  const sensorSites = candidateSites(input.floor, fz, options.pitchM);
  const routerSites = options.routerPitchM === options.pitchM ? sensorSites : candidateSites(input.floor, fz, options.routerPitchM);
  if (routerSites.count === 0) return fail('empty-installable-area', `No router site remains at a ${options.routerPitchM} m pitch.`, problems);

  const lossOf = new Map(input.materials.map((m) => [m.id, m.attenuationDb]));
  const walls: LossyWall[] = input.walls
    .filter((w) => w.floorId === input.floor.id)
    .map((w) => ({ a: w.a, b: w.b, lossDb: lossOf.get(w.materialId) ?? 0 }));
  const wallIndex = new WallIndex(walls);

  const sensorCover = coverageTable(sensorSites, cells, detection, sensor.detection?.blockedByWalls ? wallIndex : null);
  let sensorReach: CsrTable | null = null;
  let routerReach: CsrTable | null = null;
  let network: NetworkTables | null = null;
  let propagation: PropagationModel | null = null;
  if (mode === 'area') {
    sensorReach = reachTable(sensorSites, cells, sensor.radio.technology === 'ideal-disk' ? sensor.radio.rangeM : 0);
    routerReach = reachTable(routerSites, cells, router.radio.technology === 'ideal-disk' ? router.radio.rangeM : 0);
  } else {
    propagation = { frequencyHz: (sensor.radio as RealRadioSpec).frequencyHz, exponent: options.pathLossExponent, referenceDistanceM: 1 };
    network = buildNetworkTables({
      cells,
      sensorSites,
      routerSites,
      gateway: gateway as Point,
      sensorRadio: sensor.radio as RealRadioSpec,
      routerRadio: router.radio as RealRadioSpec,
      gatewayRadio: gatewaySpec.radio as RealRadioSpec,
      fadeMarginDb: options.fadeMarginDb,
      model: propagation,
      wallIndex,
    });
  }
  return {
    ok: true,
    value: {
      floor: input.floor,
      outline,
      cells,
      sensorSites,
      routerSites,
      gateway,
      walls,
      wallIndex,
      sensor,
      router,
      gatewaySpec,
      mode,
      options,
      sensorCover,
      sensorReach,
      routerReach,
      network,
      propagation,
      sensorLifetime: lifetimeTable(sensor),
      routerLifetime: lifetimeTable(router),
      warnings: problems,
    },
  };
}

/** Battery life per transmit level; Infinity everywhere on mains power. */
export function lifetimeTable(spec: DeviceSpec): LifetimeTable {
  const levels = spec.radio.technology === 'ideal-disk' ? 1 : spec.radio.txLevels.length;
  const yearsByLevel = new Float64Array(levels).fill(Infinity);
  if (spec.power.source === 'battery') {
    for (let l = 0; l < levels; l++) {
      const cycle = dutyCycleAt(spec, l);
      const avg = cycle ? averageCurrentMa(cycle) : null;
      yearsByLevel[l] = avg && avg.ok ? lifetimeYears(spec.power.capacityMah, avg.currentMa) : 0;
    }
  }
  return { yearsByLevel };
}
