// `npm run bench -- radio`: the building and radio models on a 60 m × 40 m floor with 200 walls.
// Precomputation (grid, site → cells coverage, link tables through the walls) and evaluations per second
// of the three realistic deployment problems, at 1 m and 0.5 m pitch, Zigbee (CC2530) devices.
import { cpus, loadavg } from 'node:os';
import type { Floor, Material, Wall, Zone } from '../../shared/model/building';
import { findDevice, parseCatalogue } from '../../shared/model/catalogue';
import { defaultMaterialsFor } from '../../shared/model/materials';
import type { AnyProblem, Genome } from '../../shared/optimize/problem';
import { createDeploymentProblem, DEPLOYMENT_PROBLEMS } from '../../shared/optimize/problems/deployment/create';
import type { DeploymentFloor } from '../../shared/optimize/problems/deployment/floor-model';
import { buildDeploymentFloor } from '../../shared/optimize/problems/deployment/floor-model';
import { csrBytes } from '../../shared/optimize/problems/deployment/weighted-csr';
import { Random } from '../../shared/optimize/random';
import catalogueJson from '../../resources/catalogue/devices.json';
import type { Bench } from './benches';

const WIDTH_M = 60;
const HEIGHT_M = 40;

/**
 * An office-like floor: the outline, a corridor along the middle, rooms of 3–8 m on both sides
 * (partitions across, some with a door leaf), and a few free-standing partitions, 200 walls in all.
 */
export function benchFloor(): { floor: Floor; walls: Wall[]; zones: Zone[]; materials: Material[] } {
  const materials = defaultMaterialsFor(2.44e9).map((m, i) => ({ id: i + 1, ...m }));
  const id = (name: string) => materials.find((m) => m.name === name)?.id ?? 1;
  const rng = new Random(60_40);
  const walls: Wall[] = [];
  const add = (ax: number, ay: number, bx: number, by: number, material: string) =>
    walls.push({ id: walls.length + 1, floorId: 1, a: { x: ax, y: ay }, b: { x: bx, y: by }, materialId: id(material), thicknessM: 0.15 });
  add(0, 0, WIDTH_M, 0, 'Concrete');
  add(WIDTH_M, 0, WIDTH_M, HEIGHT_M, 'Concrete');
  add(WIDTH_M, HEIGHT_M, 0, HEIGHT_M, 'Glass');
  add(0, HEIGHT_M, 0, 0, 'Concrete');
  // Corridor walls (y = 18 and y = 22), in 4 m panels.
  for (let x = 0; x < WIDTH_M; x += 4) {
    add(x, 18, x + 4, 18, 'Brick');
    add(x, 22, x + 4, 22, 'Brick');
  }
  // Room partitions across both wings.
  for (const [y0, y1] of [[0, 18], [22, 40]] as const) {
    for (let x = 3 + rng.int(3); x < WIDTH_M - 2; x += 3 + rng.int(6)) {
      add(x, y0, x, y1, rng.chance(0.7) ? 'Plasterboard' : 'Brick');
      if (walls.length >= 170) break;
    }
  }
  // Free partitions (cupboards, glazed meeting boxes) up to 200 walls.
  while (walls.length < 200) {
    const x = 1 + rng.random() * (WIDTH_M - 6);
    const y = 1 + rng.random() * (HEIGHT_M - 6);
    const len = 1 + rng.random() * 4;
    if (rng.chance(0.5)) add(x, y, x + len, y, rng.chance(0.5) ? 'Glass' : 'Wooden door');
    else add(x, y, x, y + len, 'Plasterboard');
  }
  return {
    floor: { id: 1, name: 'Bench floor', level: 0, widthM: WIDTH_M, heightM: HEIGHT_M, outline: [], gridPitchM: 1, plan: null },
    walls,
    zones: [{ id: 1, floorId: 1, kind: 'gateway', name: 'Gateway', polygon: [{ x: 30, y: 20 }] }],
    materials,
  };
}

function devices() {
  const cat = parseCatalogue(catalogueJson);
  if (!cat.ok) throw new Error(cat.message);
  const get = (key: string) => {
    const d = findDevice(cat.value, key);
    if (!d) throw new Error(key);
    return d;
  };
  return { sensor: get('zigbee-sensor-cc2530'), router: get('zigbee-router-cc2530'), gateway: get('zigbee-coordinator-cc2530') };
}

function tableMb(model: DeploymentFloor): number {
  const net = model.network;
  let bytes = csrBytes(model.sensorCover);
  if (net) bytes += net.pointRouterPl.byteLength + net.routerRouterPl.byteLength + net.routerCellBits.byteLength;
  return bytes / 2 ** 20;
}

function evaluationsPerSecond(problem: AnyProblem, seconds: number): number {
  const rng = new Random(1);
  const rand = () => rng.random();
  const genomes: Genome[] = Array.from({ length: 256 }, () => (problem.sample ? problem.sample(rand) : new Int32Array(0)));
  const out = new Float64Array(problem.objectives.length);
  const violations = new Float64Array(problem.constraints.length);
  const evaluate = problem.evaluate as (x: Genome, o: Float64Array, v: Float64Array) => void;
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 256; i++) evaluate(genomes[i], out, violations);
    count += 256;
  }
  return count / ((performance.now() - start) / 1000);
}

export const radioBench: Bench = {
  name: 'radio',
  async run() {
    const floor = benchFloor();
    const kinds = devices();
    const rows: string[] = [];
    rows.push('| pitch (sensors / routers) | cells | sensor sites | router sites | precompute | tables | routers-mw eval/s | sensors-mw eval/s | joint-mw eval/s |');
    rows.push('|---|---|---|---|---|---|---|---|---|');
    // Router sites at 0.5 m as well would make the router tables quadratic in 9 600 sites (≈ 46 M pairs):
    // routers keep a 1 m grid, sensors and cells go to 0.5 m.
    for (const [pitchM, routerPitchM] of [
      [1, 1],
      [0.5, 1],
    ] as const) {
      const t0 = performance.now();
      const built = buildDeploymentFloor({ ...floor, ...kinds, pitchM, routerPitchM });
      const precomputeS = (performance.now() - t0) / 1000;
      if (!built.ok) throw new Error(built.message);
      const model = built.value;
      // sensors-mw around 12 routers spread over the floor
      const routers = Array.from({ length: 12 }, (_, i) => ({ x: 5 + (i % 6) * 10, y: i < 6 ? 10 : 30 }));
      const rates = DEPLOYMENT_PROBLEMS.map((name) => evaluationsPerSecond(createDeploymentProblem(name, model, { routers }), 1));
      rows.push(
        `| ${pitchM} m / ${routerPitchM} m | ${model.cells.count} | ${model.sensorSites.count} | ${model.routerSites.count} | ${precomputeS.toFixed(2)} s | ${tableMb(model).toFixed(0)} MB | ` +
          rates.map((r) => Math.round(r).toLocaleString('en-US')).join(' | ') +
          ' |',
      );
    }
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    console.log(`60 m × 40 m, ${floor.walls.length} walls, Zigbee CC2530 devices, log-distance n = 2 + multi-wall, 10 dB fade margin; random samples of each problem\n`);
    console.log(rows.join('\n'));
  },
};
