// Page 2: the accuracy class the board is judged against (IEC 62053-21, class 1 or 2, direct or
// transformer operated, Ib or In and Imax) and each step's measurement window; then the session starts.
import { useTranslation } from 'react-i18next';
import { IEC_62053_21_2003_TABLE_4, IEC_62053_21_EDITION } from '../../../../../shared/calibration/accuracy-class';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FailureBox } from '../FailureBox';
import { FormField, PageFrame } from '../PageFrame';
import type { AccuracyForm } from '../setup-form';
import { isOpenSession } from '../wizard-pages';
import { Segmented } from './SetupPage';

function LimitsTable({ accuracyClass }: { accuracyClass: '1' | '2' }) {
  const { t } = useTranslation();
  const rows = IEC_62053_21_2003_TABLE_4.filter((r) => !r.specialRequest && r.limitPercent[accuracyClass] !== undefined);
  return (
    <table className="cal-table cal-table--compact" data-testid="cal-limits">
      <caption>{t('calibration.accuracy.limitsCaption', { accuracyClass, edition: IEC_62053_21_EDITION })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calibration.accuracy.limitsRow')}</th>
          <th scope="col" className="num">
            {t('calibration.accuracy.limitsLimit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.label}</td>
            <td className="num">±{r.limitPercent[accuracyClass]} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AccuracyPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const form = useCalibrationState((s) => s.accuracy);
  const problems = useCalibrationState((s) => s.formProblems);
  const session = useCalibrationState((s) => s.session);
  const pending = useCalibrationState((s) => s.pending);
  const failure = useCalibrationState((s) => s.failures.accuracy);
  const locked = isOpenSession(session);
  const set = (patch: Partial<AccuracyForm>) => calibration.setAccuracy(patch);
  const problem = (k: keyof AccuracyForm) => (problems[k] ? t(`calibration.setupProblems.${problems[k]}`) : null);
  const base = form.connection === 'direct' ? 'Ib' : 'In';
  const amps = (k: 'basicCurrentA' | 'maxCurrentA' | 'windowS', label: string, unit: string, hint?: string) => (
    <FormField id={`cal-${k}`} label={label} problem={problem(k)} hint={hint}>
      <div className={`cal-number${problems[k] ? ' has-error' : ''}`}>
        <input id={`cal-${k}`} className="cal-number__input" inputMode="decimal" value={form[k]} onChange={(e) => set({ [k]: e.target.value })} aria-invalid={problems[k] !== undefined} data-testid={`cal-${k}`} />
        <span className="cal-number__unit">{unit}</span>
      </div>
    </FormField>
  );
  return (
    <PageFrame
      page="accuracy"
      next={
        locked
          ? { label: t('calibration.nav.next'), enabled: true }
          : { label: pending === 'start' ? t('calibration.accuracy.starting') : t('calibration.accuracy.start'), enabled: true, primary: true, onClick: () => void calibration.startSession() }
      }
    >
      {locked && <p className="cal-note">{t('calibration.setup.locked')}</p>}
      <fieldset className="cal-card" disabled={locked}>
        <legend className="cal-card__title">{t('calibration.accuracy.meter')}</legend>
        <div className="cal-form-grid">
          <div className="cal-field">
            <span className="field-label">{t('calibration.accuracy.class')}</span>
            <Segmented
              name="cal-class"
              label={t('calibration.accuracy.class')}
              value={form.accuracyClass}
              onChange={(accuracyClass) => set({ accuracyClass })}
              options={[
                { value: '1', label: t('calibration.accuracy.classN', { n: 1 }) },
                { value: '2', label: t('calibration.accuracy.classN', { n: 2 }) },
              ]}
            />
          </div>
          <div className="cal-field">
            <span className="field-label">{t('calibration.accuracy.connection')}</span>
            <Segmented
              name="cal-connection"
              label={t('calibration.accuracy.connection')}
              value={form.connection}
              onChange={(connection) => set({ connection })}
              options={[
                { value: 'direct', label: t('calibration.accuracy.direct') },
                { value: 'transformer', label: t('calibration.accuracy.transformer') },
              ]}
            />
          </div>
        </div>
        <div className="cal-form-grid cal-form-grid--3">
          {amps('basicCurrentA', t('calibration.accuracy.basic', { base }), 'A')}
          {amps('maxCurrentA', t('calibration.accuracy.max'), 'A')}
          {amps('windowS', t('calibration.accuracy.window'), 's', t('calibration.accuracy.windowHint'))}
        </div>
      </fieldset>
      <section className="cal-card">
        <LimitsTable accuracyClass={form.accuracyClass} />
        <p className="cal-card__note">{t('calibration.accuracy.limitsNote')}</p>
      </section>
      <FailureBox failure={failure} />
    </PageFrame>
  );
}
