import { describe, expect, it } from 'vitest';
import {
  fitGainAndOffset,
  fitGainThroughOrigin,
  fitPhaseCorrection,
  phaseAngleDeg,
  powerErrorFromPhaseErrorPercent,
  referencePhaseAngleDeg,
  rotatePowers,
} from '../../../shared/signal/calibration-fit';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('gain by least squares through the origin', () => {
  it('is reference/board for one point', () => {
    const fit = value(fitGainThroughOrigin([{ boardValue: 255.5, referenceValue: 229.95 }]));
    expect(fit.gain).toBeCloseTo(0.9, 12);
    expect(fit.residualsPercent[0]).toBeCloseTo(0, 10);
  });

  it('weights relative residuals: g = Σ(x/y) / Σ(x/y)² (hand-computed)', () => {
    // y = 0.5·x with +1 % and −1 % errors: x/y = 1/0.505 = 1.98019802, 1/0.495 = 2.02020202;
    // g = 4.00040004 / (3.92118420 + 4.08121620) = 0.49990001.
    const fit = value(
      fitGainThroughOrigin([
        { boardValue: 100, referenceValue: 50.5 },
        { boardValue: 200, referenceValue: 99 },
      ]),
    );
    expect(fit.gain).toBeCloseTo(0.49990001, 7);
    // Residuals are (0.49990001·100 − 50.5)/50.5 = −1.0099 % and (0.49990001·200 − 99)/99 = +0.9899 %.
    expect(fit.residualsPercent[0]).toBeCloseTo(-1.0099, 3);
    expect(fit.residualsPercent[1]).toBeCloseTo(0.9899, 3);
    expect(fit.rmsResidualPercent).toBeCloseTo(Math.sqrt((1.0099 ** 2 + 0.9899 ** 2) / 2), 3);
  });

  it('weights absolute residuals when asked: g = Σxy / Σx²', () => {
    // (1·2 + 2·4.2) / (1 + 4) = 10.4 / 5 = 2.08
    const fit = value(
      fitGainThroughOrigin(
        [
          { boardValue: 1, referenceValue: 2 },
          { boardValue: 2, referenceValue: 4.2 },
        ],
        'absolute',
      ),
    );
    expect(fit.gain).toBeCloseTo(2.08, 12);
  });

  it('refuses a zero or negative reference, and a board that measured nothing', () => {
    const zero = fitGainThroughOrigin([{ boardValue: 100, referenceValue: 0 }]);
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toMatch(/must be a positive number/);
    expect(fitGainThroughOrigin([{ boardValue: 100, referenceValue: -230 }]).ok).toBe(false);
    expect(fitGainThroughOrigin([{ boardValue: 0, referenceValue: 230 }]).ok).toBe(false);
    expect(fitGainThroughOrigin([]).ok).toBe(false);
  });
});

describe('gain and offset from DC pairs', () => {
  it('recovers value = 0.5 × (counts − 512) exactly', () => {
    const fit = value(
      fitGainAndOffset([
        { counts: 612, referenceValue: 50 },
        { counts: 412, referenceValue: -50 },
        { counts: 712, referenceValue: 100 },
      ]),
    );
    expect(fit.gain).toBeCloseTo(0.5, 12);
    expect(fit.offsetCounts).toBeCloseTo(512, 9);
    expect(fit.rmsResidual).toBeCloseTo(0, 9);
  });

  it('needs two distinct count values', () => {
    expect(fitGainAndOffset([{ counts: 5, referenceValue: 1 }]).ok).toBe(false);
    expect(
      fitGainAndOffset([
        { counts: 5, referenceValue: 1 },
        { counts: 5, referenceValue: 2 },
      ]).ok,
    ).toBe(false);
  });
});

describe('phase correction', () => {
  // Hand-computed case: 230 V, 5 A at PF 0.5 (φ = 60° lagging). The current channel leads by 3°, so the
  // board sees φ = 57°. Raw units: 0.5 V/count → 460 counts, 0.01 A/count → 500 counts, so
  //   P_raw = 460·500·cos 57° = 230000 × 0.5446390350 = 125266.978
  //   Q_raw = 460·500·sin 57° = 230000 × 0.8386705679 = 192894.231
  // Reference: P = 230·5·0.5 = 575 W, PF 0.5 ⇒ φ_ref = 60°. Expected correction: +3° (delay the current).
  const board = { activePower: 125266.978, reactivePower: 192894.231 };

  it('recovers a 3° error from P at a known power factor to within 0.1°', () => {
    const fit = value(fitPhaseCorrection(board, { activePowerW: 575, powerFactor: 0.5 }));
    expect(fit.boardAngleDeg).toBeCloseTo(57, 5);
    expect(fit.referenceAngleDeg).toBeCloseTo(60, 9);
    expect(Math.abs(fit.phaseCorrectionDeg - 3)).toBeLessThan(0.1);
    expect(fit.phaseCorrectionDeg).toBeCloseTo(3, 5);
    expect(fit.phaseErrorDeg).toBeCloseTo(-3, 5);
  });

  it('recovers it from P and Q (Q_ref = 575·tan 60° = 995.929 var)', () => {
    const fit = value(fitPhaseCorrection(board, { activePowerW: 575, reactivePowerVar: 995.929 }));
    expect(fit.phaseCorrectionDeg).toBeCloseTo(3, 4);
  });

  it('stays within 0.1° with readings rounded as a meter displays them', () => {
    // Board P, Q to 4 significant digits; reference PF to 3 decimals: 0.500.
    const fit = value(fitPhaseCorrection({ activePower: 125300, reactivePower: 192900 }, { activePowerW: 575, powerFactor: 0.5 }));
    expect(Math.abs(fit.phaseCorrectionDeg - 3)).toBeLessThan(0.1);
  });

  it('adds to the correction already in force', () => {
    const fit = value(fitPhaseCorrection(board, { activePowerW: 575, powerFactor: 0.5 }, 1.25));
    expect(fit.phaseCorrectionDeg).toBeCloseTo(4.25, 5);
  });

  it('after rotation by the correction, the board angle equals the reference', () => {
    const fit = value(fitPhaseCorrection(board, { activePowerW: 575, powerFactor: 0.5 }));
    const r = rotatePowers(board.activePower, board.reactivePower, fit.phaseCorrectionDeg);
    expect(phaseAngleDeg(r.activePower, r.reactivePower)).toBeCloseTo(60, 6);
    // Scaled by the gains 0.5 × 0.01, P becomes the reference's 575 W.
    expect(r.activePower * 0.5 * 0.01).toBeCloseTo(575, 2);
  });

  it('rotates P into Q when the current is delayed by 90°', () => {
    const r = rotatePowers(1, 0, 90);
    expect(r.activePower).toBeCloseTo(0, 12);
    expect(r.reactivePower).toBeCloseTo(1, 12);
  });

  it('a degree of phase error is about 3 % of power at PF 0.5 and nothing at unity', () => {
    // cos 61° / cos 60° − 1 = 0.4848096 / 0.5 − 1 = −3.038 %
    expect(powerErrorFromPhaseErrorPercent(60, 1)).toBeCloseTo(-3.038, 3);
    // cos 1° − 1 = −0.0152 %
    expect(powerErrorFromPhaseErrorPercent(0, 1)).toBeCloseTo(-0.0152, 4);
  });

  it('refuses a reference with no power or an impossible power factor', () => {
    expect(referencePhaseAngleDeg({ activePowerW: 0, powerFactor: 0.5 }).ok).toBe(false);
    expect(referencePhaseAngleDeg({ activePowerW: 100, powerFactor: 1.2 }).ok).toBe(false);
    expect(referencePhaseAngleDeg({ activePowerW: 100 }).ok).toBe(false);
    expect(value(referencePhaseAngleDeg({ activePowerW: 100, powerFactor: 0.8, character: 'capacitive' }))).toBeCloseTo(-36.8699, 4);
    expect(fitPhaseCorrection({ activePower: 0, reactivePower: 0 }, { activePowerW: 575, powerFactor: 0.5 }).ok).toBe(false);
  });
});
