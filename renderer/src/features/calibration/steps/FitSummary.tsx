// What a step found, in words and numbers: offsets, a gain with its residuals, the phase error and what it
// did to active power, the unity check's error.
import { useTranslation } from 'react-i18next';
import type { CalibrationSessionState } from '../../../../../shared/calibration/calibration-api';
import type { CalibrationStep } from '../../../../../shared/calibration/calibration-steps';
import { useUi } from '../../../state/app-context';
import { degrees, fixed, percent, significant, withUnit } from '../format';

export function FitSummary({ step, session }: { step: CalibrationStep; session: CalibrationSessionState }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const st = session.steps;
  const prev = session.previousCoefficients;
  const counts = t('calibration.units.counts');
  const deg = (x: number) => degrees(x, 2, language);
  let lines: string[] = [];
  switch (step) {
    case 'zero':
      if (st.zero)
        lines = [
          t('calibration.fit.offsets', { v: withUnit(fixed(st.zero.voltageOffsetCounts, 2, language), counts), i: withUnit(fixed(st.zero.currentOffsetCounts, 2, language), counts) }),
          t('calibration.fit.offsetsBefore', { v: withUnit(fixed(prev.voltageOffsetCounts, 2, language), counts), i: withUnit(fixed(prev.currentOffsetCounts, 2, language), counts) }),
        ];
      break;
    case 'voltage':
    case 'current': {
      const fit = st[step];
      const unit = step === 'voltage' ? 'V/count' : 'A/count';
      const before = step === 'voltage' ? prev.voltageGainVPerCount : prev.currentGainAPerCount;
      if (fit) {
        lines = [
          t('calibration.fit.gain', { gain: withUnit(significant(fit.gain, language), unit), count: fit.points.length, residual: withUnit(fixed(fit.rmsResidualPercent, 3, language), '%') }),
          t('calibration.fit.gainBefore', { gain: withUnit(significant(Math.abs(before), language), unit), change: percent((fit.gain / Math.abs(before) - 1) * 100, language) }),
        ];
        if (step === 'current' && st.currentSign === -1) lines.push(t('calibration.fit.reversed'));
      }
      break;
    }
    case 'phase':
      if (st.phase)
        lines = [
          t('calibration.fit.phase', { error: deg(st.phase.phaseErrorDeg), board: deg(st.phase.boardAngleDeg), reference: deg(st.phase.referenceAngleDeg), correction: deg(st.phase.phaseCorrectionDeg) }),
          t('calibration.fit.phasePower', { pf: fixed(st.phase.referencePowerFactor, 3, language), error: percent(st.phase.powerErrorBeforePercent, language) }),
        ];
      break;
    case 'unity':
      if (st.unity)
        lines = [
          t('calibration.fit.unity', {
            predicted: withUnit(fixed(st.unity.predictedActivePowerW, 1, language), 'W'),
            reference: withUnit(fixed(st.unity.referenceActivePowerW, 1, language), 'W'),
            error: percent(st.unity.errorPercent, language, 3),
            pf: fixed(st.unity.referencePowerFactor, 3, language),
          }),
        ];
      break;
  }
  if (lines.length === 0) return <p className="cal-card__lead cal-empty">{t('calibration.fit.none')}</p>;
  return (
    <ul className="cal-fit" data-testid="cal-fit">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
