// Waveform synthesiser: mains voltage and the current of a chosen load, in volts and amperes, as pure
// functions of the sample index — the virtual meter streams them, the tests know their exact truth.
// v(t) = Σ_h √2·V_h·sin(hωt + θ_h), and likewise for the current, with θ_1 = 0 for the voltage.

export interface HarmonicRatio {
  order: number;
  /** RMS relative to the fundamental. */
  ratio: number;
  /** Phase of sin(hωt + phase), degrees. */
  phaseDeg: number;
}

export interface MainsSpec {
  vrmsV: number;
  frequencyHz: number;
  /** Voltage distortion; empty for a clean sine. */
  voltageHarmonics?: HarmonicRatio[];
}

export const MAINS_PRESETS = {
  '230V-50Hz': { vrmsV: 230, frequencyHz: 50 },
  '120V-60Hz': { vrmsV: 120, frequencyHz: 60 },
} as const satisfies Record<string, MainsSpec>;
export type MainsPresetName = keyof typeof MAINS_PRESETS;

/**
 * Current spectrum of a capacitor-input rectifier such as a cheap LED driver: odd harmonics, peaking at
 * the voltage crest (THD ≈ 102 %; IEC 61000-3-2 class C measurements of such drivers show 80–150 %).
 */
export const LED_DRIVER_SPECTRUM: readonly HarmonicRatio[] = [
  { order: 3, ratio: 0.8, phaseDeg: 180 },
  { order: 5, ratio: 0.55, phaseDeg: 0 },
  { order: 7, ratio: 0.3, phaseDeg: 180 },
  { order: 9, ratio: 0.12, phaseDeg: 0 },
  { order: 11, ratio: 0.05, phaseDeg: 180 },
  { order: 13, ratio: 0.03, phaseDeg: 0 },
  { order: 15, ratio: 0.02, phaseDeg: 180 },
];

export type LoadSpec =
  | { kind: 'none' }
  /** A heater: the current follows the voltage, harmonics included. */
  | { kind: 'resistive'; powerW: number }
  /** A series R–L with the chosen power factor at the fundamental (lagging); harmonics see h·X. */
  | { kind: 'inductive'; apparentPowerVA: number; powerFactor: number }
  /** A fixed current spectrum locked to the voltage; displacement angle > 0 lags. */
  | { kind: 'nonlinear'; powerW: number; displacementAngleDeg?: number; spectrum?: readonly HarmonicRatio[] }
  /**
   * An induction motor switched on every `cycleS` seconds for `onS` seconds: inrush of `inrushRatio` ×
   * the running current at a low power factor, decaying with time constant `startDecayS`.
   */
  | {
      kind: 'motor';
      ratedPowerW: number;
      runningPowerFactor?: number;
      startPowerFactor?: number;
      inrushRatio?: number;
      startDecayS?: number;
      cycleS?: number;
      onS?: number;
    };

export type LoadKind = LoadSpec['kind'];

export interface WaveformScenario {
  mains: MainsSpec;
  load: LoadSpec;
}

/** One component of a waveform: √2·rms·sin(order·ωt + phaseRad). */
export interface Component {
  order: number;
  rms: number;
  phaseRad: number;
}

const DEG = Math.PI / 180;

export function voltageComponents(mains: MainsSpec): Component[] {
  return [{ order: 1, rms: mains.vrmsV, phaseRad: 0 }, ...(mains.voltageHarmonics ?? []).map((h) => ({ order: h.order, rms: h.ratio * mains.vrmsV, phaseRad: h.phaseDeg * DEG }))];
}

/** Motor defaults, also used for its steady-state truth. */
export function motorParameters(load: Extract<LoadSpec, { kind: 'motor' }>) {
  return {
    runningPowerFactor: load.runningPowerFactor ?? 0.8,
    startPowerFactor: load.startPowerFactor ?? 0.3,
    inrushRatio: load.inrushRatio ?? 6,
    startDecayS: load.startDecayS ?? 0.3,
    cycleS: load.cycleS ?? 10,
    onS: load.onS ?? 7,
  };
}

/** Steady-state current components of a load under the given mains (for the motor: running). */
export function currentComponents(scenario: WaveformScenario): Component[] {
  const { mains, load } = scenario;
  const v = voltageComponents(mains);
  const v1 = mains.vrmsV;
  switch (load.kind) {
    case 'none':
      return [];
    case 'resistive': {
      const vTotal2 = v.reduce((s, c) => s + c.rms ** 2, 0);
      const resistanceOhm = vTotal2 / load.powerW;
      return v.map((c) => ({ order: c.order, rms: c.rms / resistanceOhm, phaseRad: c.phaseRad }));
    }
    case 'inductive': {
      const z1 = (v1 * v1) / load.apparentPowerVA;
      const phi = Math.acos(Math.min(1, Math.max(0, load.powerFactor)));
      const r = z1 * Math.cos(phi);
      const x1 = z1 * Math.sin(phi);
      return v.map((c) => {
        const xh = c.order * x1;
        return { order: c.order, rms: c.rms / Math.hypot(r, xh), phaseRad: c.phaseRad - Math.atan2(xh, r) };
      });
    }
    case 'nonlinear': {
      const phi = (load.displacementAngleDeg ?? -10) * DEG;
      const i1 = load.powerW / (v1 * Math.cos(phi));
      const spectrum = load.spectrum ?? LED_DRIVER_SPECTRUM;
      return [{ order: 1, rms: i1, phaseRad: -phi }, ...spectrum.map((h) => ({ order: h.order, rms: h.ratio * i1, phaseRad: h.phaseDeg * DEG - h.order * phi }))];
    }
    case 'motor': {
      const p = motorParameters(load);
      const phi = Math.acos(p.runningPowerFactor);
      return [{ order: 1, rms: load.ratedPowerW / (v1 * p.runningPowerFactor), phaseRad: -phi }];
    }
  }
}

export interface WaveformBlock {
  voltageV: Float64Array;
  currentA: Float64Array;
}

/** Adds components at t = (firstSample + k)/fs + shiftS: computed from the index, so blocks join exactly. */
function addComponents(out: Float64Array, components: readonly Component[], omega: number, firstSample: number, sampleRateHz: number, shiftS: number): void {
  for (const c of components) {
    const amplitude = Math.SQRT2 * c.rms;
    for (let k = 0; k < out.length; k++) out[k] += amplitude * Math.sin(c.order * omega * ((firstSample + k) / sampleRateHz + shiftS) + c.phaseRad);
  }
}

/**
 * Samples firstSample .. firstSample+count−1 at sampleRateHz. `currentTimeShiftS` samples the current
 * that much later (> 0: the current appears to lead, as through a current transformer's phase error).
 */
export function synthesize(
  scenario: WaveformScenario,
  sampleRateHz: number,
  firstSample: number,
  count: number,
  currentTimeShiftS = 0,
): WaveformBlock {
  const omega = 2 * Math.PI * scenario.mains.frequencyHz;
  const voltageV = new Float64Array(count);
  const currentA = new Float64Array(count);
  addComponents(voltageV, voltageComponents(scenario.mains), omega, firstSample, sampleRateHz, 0);
  const load = scenario.load;
  if (load.kind === 'motor') {
    const p = motorParameters(load);
    const iRun = load.ratedPowerW / (scenario.mains.vrmsV * p.runningPowerFactor);
    const phiRun = Math.acos(p.runningPowerFactor);
    const phiStart = Math.acos(p.startPowerFactor);
    for (let k = 0; k < count; k++) {
      const t = (firstSample + k) / sampleRateHz + currentTimeShiftS;
      const inCycle = ((t % p.cycleS) + p.cycleS) % p.cycleS;
      if (inCycle >= p.onS) continue;
      const decay = Math.exp(-inCycle / p.startDecayS);
      const rms = iRun * (1 + (p.inrushRatio - 1) * decay);
      const phi = phiRun + (phiStart - phiRun) * decay;
      currentA[k] = Math.SQRT2 * rms * Math.sin(omega * t - phi);
    }
  } else {
    addComponents(currentA, currentComponents(scenario), omega, firstSample, sampleRateHz, currentTimeShiftS);
  }
  return { voltageV, currentA };
}

export interface WaveformTruth {
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  /** Fundamental reactive power Q1, positive when the current lags. */
  reactivePowerVar: number;
  apparentPowerVA: number;
  powerFactor: number;
  frequencyHz: number;
  voltageThd: number;
  currentThd: number;
}

/** Exact steady-state values of a scenario (for the motor: once running), from its components. */
export function scenarioTruth(scenario: WaveformScenario): WaveformTruth {
  const v = voltageComponents(scenario.mains);
  const i = currentComponents(scenario);
  const rms = (cs: Component[]) => Math.sqrt(cs.reduce((s, c) => s + c.rms ** 2, 0));
  const thd = (cs: Component[]) => {
    const f = cs.find((c) => c.order === 1)?.rms ?? 0;
    return f > 0 ? Math.sqrt(cs.filter((c) => c.order > 1).reduce((s, c) => s + c.rms ** 2, 0)) / f : 0;
  };
  let activePowerW = 0;
  let reactivePowerVar = 0;
  for (const a of v) {
    for (const b of i) {
      if (a.order !== b.order) continue;
      activePowerW += a.rms * b.rms * Math.cos(a.phaseRad - b.phaseRad);
      if (a.order === 1) reactivePowerVar = a.rms * b.rms * Math.sin(a.phaseRad - b.phaseRad);
    }
  }
  const vrmsV = rms(v);
  const irmsA = rms(i);
  const apparentPowerVA = vrmsV * irmsA;
  return {
    vrmsV,
    irmsA,
    activePowerW,
    reactivePowerVar,
    apparentPowerVA,
    powerFactor: apparentPowerVA > 0 ? activePowerW / apparentPowerVA : Number.NaN,
    frequencyHz: scenario.mains.frequencyHz,
    voltageThd: thd(v),
    currentThd: thd(i),
  };
}
