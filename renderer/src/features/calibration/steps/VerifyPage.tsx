// Page 9: verification with the new coefficients on the board — several loads, at 64 and at 128 samples
// per period — in tables like the source paper's, each active-power row judged against the class limit.
import { useTranslation } from 'react-i18next';
import { BenchPanel, useLoadLabel } from '../BenchPanel';
import { currentBenchLoad } from '../bench-loads';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FailureBox } from '../FailureBox';
import { FormField, PageFrame } from '../PageFrame';
import { ReferencePanel } from '../ReferencePanel';
import { Segmented } from './SetupPage';
import { VerdictBox, VerificationTables } from './VerificationTables';

export function VerifyPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const session = useCalibrationState((s) => s.session);
  const pending = useCalibrationState((s) => s.pending);
  const failure = useCalibrationState((s) => s.failures.verify);
  const form = useCalibrationState((s) => s.verify);
  const virtual = useCalibrationState((s) => s.virtualMeter);
  const loadLabel = useLoadLabel();
  if (!session) return null;
  const isVirtual = virtual !== null && virtual.boardSerial === session.board.boardSerial;
  const open = session.status === 'applied';
  const idle = pending === null && !session.busy;
  const onLoad = isVirtual ? currentBenchLoad(virtual.config) : null;
  const fallback = onLoad ? loadLabel(onLoad) : calibration.defaultPointLabel();
  const points = session.verification.points;
  return (
    <PageFrame page="verify" next={{ label: t('calibration.nav.next'), enabled: open && points.length > 0 }}>
      <div className="cal-columns">
        <section className="cal-card" aria-labelledby="cal-point-title">
          <h2 id="cal-point-title" className="cal-card__title">
            {t('calibration.verify.newPoint')}
          </h2>
          <p className="cal-card__lead">{t('calibration.pages.verify.connect')}</p>
          {isVirtual && <BenchPanel view="verify" disabled={!open || !idle} />}
          <div className="cal-form-grid">
            <FormField id="cal-verify-label" label={t('calibration.verify.label')}>
              <input id="cal-verify-label" className="text-input" value={form.label} placeholder={fallback} onChange={(e) => calibration.setVerify({ label: e.target.value })} disabled={!open} data-testid="verify-label" />
            </FormField>
            <div className="cal-field">
              <span className="field-label">{t('calibration.verify.spp')}</span>
              <Segmented
                name="verify-spp"
                label={t('calibration.verify.spp')}
                value={String(form.samplesPerPeriod) as '64' | '128'}
                onChange={(v) => calibration.setVerify({ samplesPerPeriod: v === '128' ? 128 : 64 })}
                options={[
                  { value: '64', label: '64' },
                  { value: '128', label: '128' },
                ]}
              />
            </div>
          </div>
        </section>
        <ReferencePanel page="verify" reference={session.reference} virtual={isVirtual} disabled={!open || !idle} />
      </div>
      <div className="cal-measure">
        <button type="button" className="button button--primary" disabled={!open || !idle} onClick={() => void calibration.measureVerification(fallback)} data-testid="verify-measure">
          {pending === 'verify' ? t('calibration.measure.measuring') : t('calibration.verify.measure')}
        </button>
        <span className="cal-measure__note">{t('calibration.verify.note')}</span>
      </div>
      <FailureBox failure={failure} />
      <section className="cal-card" aria-labelledby="cal-verify-title">
        <h2 id="cal-verify-title" className="cal-card__title">
          {t('calibration.verify.title')}
        </h2>
        <VerificationTables points={points} onRemove={open ? (i) => void calibration.removeVerification(i) : undefined} disabled={!idle} />
        {points.length > 0 && <VerdictBox verdict={session.verification.verdict} accuracyClass={session.accuracy.accuracyClass} />}
      </section>
    </PageFrame>
  );
}
