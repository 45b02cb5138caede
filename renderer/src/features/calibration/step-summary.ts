// One line per wizard page for the progress rail: what the page found, once it is done.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/api/app-api';
import type { CalibrationSessionState } from '../../../../shared/calibration/calibration-api';
import { degrees, fixed, percent, significant, withUnit } from './format';
import type { WizardPage } from './wizard-pages';

export function stepSummary(page: WizardPage, s: CalibrationSessionState | null, savedId: number | null, t: TFunction, language: Language): string | null {
  if (!s) return null;
  const st = s.steps;
  switch (page) {
    case 'setup':
      return t('calibration.rail.board', { serial: s.board.boardSerial });
    case 'accuracy':
      return t('calibration.rail.class', { accuracyClass: s.accuracy.accuracyClass, ib: s.accuracy.basicCurrentA, imax: s.accuracy.maxCurrentA });
    case 'zero':
      return st.zero ? t('calibration.rail.offsets', { v: fixed(st.zero.voltageOffsetCounts, 1, language), i: fixed(st.zero.currentOffsetCounts, 1, language) }) : null;
    case 'voltage':
      return st.voltage ? t('calibration.rail.gain', { gain: withUnit(significant(st.voltage.gain, language, 5), 'V/count'), count: st.voltage.points.length }) : null;
    case 'current':
      return st.current ? t('calibration.rail.gain', { gain: withUnit(significant(st.current.gain, language, 5), 'A/count'), count: st.current.points.length }) : null;
    case 'phase':
      return st.phase ? t('calibration.rail.phase', { deg: degrees(st.phase.phaseCorrectionDeg, 2, language) }) : null;
    case 'unity':
      return st.unity ? t('calibration.rail.unity', { error: percent(st.unity.errorPercent, language) }) : null;
    case 'apply':
      return s.status === 'applied' || s.status === 'finished' ? t('calibration.rail.applied') : null;
    case 'verify': {
      const n = s.verification.points.length;
      return n > 0 ? t('calibration.rail.points', { count: n, verdict: t(`calibration.verdict.${s.verification.verdict.verdict}`) }) : null;
    }
    case 'finish':
      return savedId !== null ? t('calibration.rail.saved', { id: savedId }) : null;
  }
}
