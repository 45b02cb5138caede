// The acquisition board's analogue front end and ADC, as a model with deliberate errors — the reason a
// calibration is needed: a 9 V AC adapter and divider on the voltage input, an SCT-013 clamp and burden
// on the current input, both biased at mid-rail into a 10-bit ADC (the source paper's board).
import type { CalibrationCoefficients } from '../protocol/frames';
import { gaussianAt } from './noise';
import type { WaveformScenario } from './waveform';
import { synthesize } from './waveform';

export interface AdcErrors {
  /** Real gain over design gain: 1.02 reads 2 % high. */
  voltageGainRatio: number;
  currentGainRatio: number;
  /** Bias away from the design mid-rail, counts. */
  voltageOffsetCounts: number;
  currentOffsetCounts: number;
  /** Phase lead of the current channel (a current transformer's phase displacement), degrees. */
  currentPhaseLeadDeg: number;
}

export interface AdcBoardModel {
  adcBits: number;
  /** Design scale: volts per count and amperes per count at the ADC input. */
  voltageVPerCount: number;
  currentAPerCount: number;
  /** Design bias, counts (mid-rail). */
  biasCounts: number;
  errors: AdcErrors;
  /** Input-referred noise, RMS counts, per channel (before quantisation). */
  noiseRmsCounts: number;
  seed: number;
}

export const NO_ADC_ERRORS: AdcErrors = { voltageGainRatio: 1, currentGainRatio: 1, voltageOffsetCounts: 0, currentOffsetCounts: 0, currentPhaseLeadDeg: 0 };

/** Errors of an uncalibrated board that a calibration must find: a few percent and a couple of degrees. */
export const TYPICAL_ADC_ERRORS: AdcErrors = { voltageGainRatio: 1.023, currentGainRatio: 0.968, voltageOffsetCounts: 3.4, currentOffsetCounts: -2.1, currentPhaseLeadDeg: 2.5 };

/**
 * The design: ±409.6 V and ±153.6 A peak over the 10-bit range (230 V mains peaks at 325 V; the 100 A
 * clamp at 141 A).
 */
export function defaultBoardModel(overrides: Partial<AdcBoardModel> = {}): AdcBoardModel {
  return { adcBits: 10, voltageVPerCount: 0.8, currentAPerCount: 0.3, biasCounts: 512, errors: TYPICAL_ADC_ERRORS, noiseRmsCounts: 0.5, seed: 1, ...overrides };
}

/** What the firmware ships with: the design values, knowing nothing of this board's errors. */
export function nominalCalibration(model: AdcBoardModel): CalibrationCoefficients {
  return {
    voltageGainVPerCount: model.voltageVPerCount,
    voltageOffsetCounts: model.biasCounts,
    currentGainAPerCount: model.currentAPerCount,
    currentOffsetCounts: model.biasCounts,
    phaseCorrectionDeg: 0,
  };
}

/** The coefficients that cancel this board's errors exactly (what a perfect calibration would find). */
export function idealCalibration(model: AdcBoardModel): CalibrationCoefficients {
  return {
    voltageGainVPerCount: model.voltageVPerCount / model.errors.voltageGainRatio,
    voltageOffsetCounts: model.biasCounts + model.errors.voltageOffsetCounts,
    currentGainAPerCount: model.currentAPerCount / model.errors.currentGainRatio,
    currentOffsetCounts: model.biasCounts + model.errors.currentOffsetCounts,
    phaseCorrectionDeg: model.errors.currentPhaseLeadDeg,
  };
}

/**
 * Raw interleaved counts (v, i, v, i, ...) for samples firstSample .. firstSample+count−1: the scenario's
 * waveforms through the board's gains, offsets, phase error and noise, rounded and clipped by the ADC.
 */
export function sampleBoard(scenario: WaveformScenario, model: AdcBoardModel, sampleRateHz: number, firstSample: number, count: number): Int16Array {
  const leadS = model.errors.currentPhaseLeadDeg / 360 / scenario.mains.frequencyHz;
  const { voltageV, currentA } = synthesize(scenario, sampleRateHz, firstSample, count, leadS);
  const out = new Int16Array(2 * count);
  const top = 2 ** model.adcBits - 1;
  const e = model.errors;
  const vBias = model.biasCounts + e.voltageOffsetCounts;
  const iBias = model.biasCounts + e.currentOffsetCounts;
  const vScale = e.voltageGainRatio / model.voltageVPerCount;
  const iScale = e.currentGainRatio / model.currentAPerCount;
  const noise = model.noiseRmsCounts;
  for (let k = 0; k < count; k++) {
    const n = firstSample + k;
    let v = vBias + voltageV[k] * vScale;
    let i = iBias + currentA[k] * iScale;
    if (noise > 0) {
      v += noise * gaussianAt(model.seed, 0, n);
      i += noise * gaussianAt(model.seed, 1, n);
    }
    out[2 * k] = Math.min(top, Math.max(0, Math.round(v)));
    out[2 * k + 1] = Math.min(top, Math.max(0, Math.round(i)));
  }
  return out;
}
