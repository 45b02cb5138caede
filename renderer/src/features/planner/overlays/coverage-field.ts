// Coverage of the floor's cells by the sensors as they stand (thesis §2.2.5, eq. 2.11–2.12): per cell,
// the number of sensors that detect it on their own (probability ≥ the threshold; for binary disks,
// within R_d) and the joint detection probability 1 − Π(1 − p_i) of independent sensors (Zou &
// Chakrabarty 2004). A sensor whose type blocks detection by walls does not see a cell behind a wall.
// Each sensor's cells are cached by position, so dragging one sensor recomputes only that one.
import { detectionProbability, detectionReachM } from '../../../../../shared/radio/detection';
import { DEFAULT_DETECTION_THRESHOLD } from '../../../../../shared/plan-render/disk-model';
import { forEachCellNear, type LiveDevice, type OverlayStatics, type SensorCover } from './overlay-statics';

export { DEFAULT_DETECTION_THRESHOLD };

export interface CoverageField {
  /** Sensors detecting each cell on their own (k of k-coverage), capped at 255. */
  readonly degree: Uint8Array;
  /** Joint detection probability per cell. */
  readonly probability: Float32Array;
  /** Covered cells: joint probability ≥ threshold. */
  readonly coveredCount: number;
  /** Cells detected by two sensors or more. */
  readonly overCount: number;
  /** Whether any sensor has a probabilistic model (the heatmap then shows probability). */
  readonly probabilistic: boolean;
  /** Sensors with a detection model (0: coverage is not defined). */
  readonly detectingSensors: number;
}

const EMPTY_COVER: SensorCover = { cells: new Int32Array(0), probability: new Float32Array(0) };

export function sensorCover(s: OverlayStatics, sensor: LiveDevice): SensorCover {
  const type = sensor.typeId !== null ? s.types.get(sensor.typeId) : undefined;
  const model = type?.detection;
  if (!type || !model) return EMPTY_COVER;
  const key = `${sensor.typeId}@${sensor.x},${sensor.y}`;
  const cached = s.caches.cover.get(key);
  if (cached) return cached;
  const cells: number[] = [];
  const probability: number[] = [];
  forEachCellNear(s, sensor.x, sensor.y, detectionReachM(model), (c, d) => {
    const p = detectionProbability(model, d);
    if (p <= 0) return;
    if (type.blockedByWalls && s.wallIndex.crossing(sensor.x, sensor.y, s.cells.xs[c]!, s.cells.ys[c]!).count > 0) return;
    cells.push(c);
    probability.push(p);
  });
  const cover = { cells: Int32Array.from(cells), probability: Float32Array.from(probability) };
  s.caches.cover.set(key, cover);
  return cover;
}

export function coverageField(s: OverlayStatics, devices: readonly LiveDevice[], threshold = DEFAULT_DETECTION_THRESHOLD): CoverageField {
  const n = s.cells.count;
  const degree = new Uint8Array(n);
  const miss = new Float32Array(n).fill(1);
  let probabilistic = false;
  let detectingSensors = 0;
  const used = new Set<string>();
  for (const d of devices) {
    if (d.kind !== 'sensor') continue;
    const model = d.typeId !== null ? s.types.get(d.typeId)?.detection : undefined;
    if (!model) continue;
    detectingSensors++;
    if (model.kind !== 'disk') probabilistic = true;
    const cover = sensorCover(s, d);
    used.add(`${d.typeId}@${d.x},${d.y}`);
    for (let k = 0; k < cover.cells.length; k++) {
      const c = cover.cells[k]!;
      const p = cover.probability[k]!;
      if (p >= threshold && degree[c]! < 255) degree[c]!++;
      miss[c]! *= 1 - p;
    }
  }
  forgetUnused(s.caches.cover, used);
  const probability = new Float32Array(n);
  let coveredCount = 0;
  let overCount = 0;
  for (let c = 0; c < n; c++) {
    probability[c] = 1 - miss[c]!;
    // Float32 rounding must not lose a cell exactly at the threshold (a disk gives p = 1 exactly).
    if (probability[c]! >= threshold - 1e-6) coveredCount++;
    if (degree[c]! >= 2) overCount++;
  }
  return { degree, probability, coveredCount, overCount, probabilistic, detectingSensors };
}

/** Keeps a cache to the entries of the latest computation (a dragged device leaves no trail). */
export function forgetUnused<V>(cache: Map<string, V>, used: ReadonlySet<string>): void {
  for (const k of cache.keys()) if (!used.has(k)) cache.delete(k);
}
