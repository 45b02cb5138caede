// Page 8: the fitted coefficients beside the board's present ones, and Apply: they go into the board's
// working memory for the verification; its EEPROM keeps the previous calibration until the end.
import { useTranslation } from 'react-i18next';
import type { CalibrationCoefficients } from '../../../../../shared/protocol/frames';
import { useUi } from '../../../state/app-context';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FailureBox } from '../FailureBox';
import { degrees, fixed, percent, significant, withUnit } from '../format';
import { PageFrame } from '../PageFrame';

export const COEFFICIENTS: readonly { key: keyof CalibrationCoefficients; unit: string }[] = [
  { key: 'voltageGainVPerCount', unit: 'V/count' },
  { key: 'voltageOffsetCounts', unit: 'counts' },
  { key: 'currentGainAPerCount', unit: 'A/count' },
  { key: 'currentOffsetCounts', unit: 'counts' },
  { key: 'phaseCorrectionDeg', unit: '°' },
];

export function CoefficientsTable({ before, after, testId, final = false }: { before: CalibrationCoefficients; after: CalibrationCoefficients | null; testId: string; final?: boolean }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const unitText = (unit: string) => (unit === 'counts' ? t('calibration.units.counts') : unit);
  const value = (key: keyof CalibrationCoefficients, x: number, unit: string) => (key === 'phaseCorrectionDeg' ? degrees(x, 3, language) : withUnit(significant(x, language), unitText(unit)));
  const difference = (key: keyof CalibrationCoefficients, a: number, b: number, unit: string) => {
    if (key.includes('Gain')) return percent((a / b - 1) * 100, language);
    const d = a - b;
    const text = key === 'phaseCorrectionDeg' ? degrees(Math.abs(d), 3, language) : withUnit(fixed(Math.abs(d), 2, language), unitText(unit));
    return `${/[1-9]/.test(text) ? (d > 0 ? '+' : '−') : ''}${text}`;
  };
  return (
    <table className="cal-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('calibration.apply.coefficient')}</th>
          <th scope="col" className="num">
            {t(final ? 'calibration.apply.before' : 'calibration.apply.present')}
          </th>
          <th scope="col" className="num">
            {t(final ? 'calibration.apply.after' : 'calibration.apply.fitted')}
          </th>
          <th scope="col" className="num">
            {t('calibration.apply.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {COEFFICIENTS.map(({ key, unit }) => {
          const a = after?.[key];
          const change = a === undefined ? null : difference(key, a, before[key], unit);
          return (
            <tr key={key} data-testid={`${testId}-${key}`}>
              <th scope="row">{t(`calibration.coefficients.${key}`)}</th>
              <td className="num">{value(key, before[key], unit)}</td>
              <td className="num">{a === undefined ? '—' : value(key, a, unit)}</td>
              <td className="num cal-error">{change ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ApplyPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const session = useCalibrationState((s) => s.session);
  const pending = useCalibrationState((s) => s.pending);
  const failure = useCalibrationState((s) => s.failures.apply);
  if (!session) return null;
  const applied = session.status === 'applied' || session.status === 'finished';
  const idle = pending === null && !session.busy;
  return (
    <PageFrame page="apply" next={{ label: t('calibration.nav.next'), enabled: session.status === 'applied' }}>
      <section className="cal-card">
        <h2 className="cal-card__title">{t('calibration.apply.title')}</h2>
        <CoefficientsTable before={session.previousCoefficients} after={session.proposed} testId="cal-coefficients" />
        {session.proposedProblem && (
          <p className="cal-field__error" role="alert" data-testid="cal-proposed-problem">
            {session.proposedProblem}
          </p>
        )}
        {!session.steps.phase && session.proposed && <p className="cal-card__note">{t('calibration.apply.noPhase')}</p>}
        {!session.steps.zero && session.proposed && <p className="cal-card__note">{t('calibration.apply.noZero')}</p>}
      </section>
      <div className="cal-measure">
        <button type="button" className="button button--primary" disabled={applied || !session.proposed || !idle} onClick={() => void calibration.apply()} data-testid="cal-apply">
          {pending === 'apply' ? t('calibration.apply.applying') : t('calibration.apply.apply')}
        </button>
        <span className="cal-measure__note" data-testid="cal-apply-state">
          {applied ? t('calibration.apply.onBoard') : t('calibration.apply.ramOnly')}
        </span>
      </div>
      <FailureBox failure={failure} />
    </PageFrame>
  );
}
