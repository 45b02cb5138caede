// Pages 3–7: one calibration step each (zero, voltage gain, current gain, phase, unity check). What to
// connect, the reference, a Measure button, the readings side by side and what the step found.
import { useTranslation } from 'react-i18next';
import type { CalibrationStep } from '../../../../../shared/calibration/calibration-steps';
import { useUi } from '../../../state/app-context';
import { BenchPanel } from '../BenchPanel';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FailureBox } from '../FailureBox';
import { fixed, withUnit } from '../format';
import { PageFrame } from '../PageFrame';
import { ReferencePanel } from '../ReferencePanel';
import { useWizardFacts } from '../StepRail';
import { isOpenSession, neighbour, OPTIONAL_STEPS, pageReachable } from '../wizard-pages';
import { FitSummary } from './FitSummary';
import { StepReadings } from './StepReadings';

/** Why the phase is fitted at PF 0.5 and only checked at unity: ΔP/P ≈ −tan φ · δ, against 1 − cos δ at φ = 0. */
function PhaseWhy() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const oneDeg = Math.PI / 180;
  return (
    <aside className="cal-why" data-testid="cal-phase-why">
      <h3 className="cal-why__title">{t('calibration.phaseWhy.title')}</h3>
      <p>
        {t('calibration.phaseWhy.body', {
          atHalf: withUnit(fixed(Math.tan(Math.PI / 3) * oneDeg * 100, 1, language), '%'),
          atUnity: withUnit(fixed((1 - Math.cos(oneDeg)) * 100, 3, language), '%'),
        })}
      </p>
    </aside>
  );
}

export function MeasurePage({ step }: { step: CalibrationStep }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const language = useUi((s) => s.language);
  const session = useCalibrationState((s) => s.session);
  const pending = useCalibrationState((s) => s.pending);
  const failure = useCalibrationState((s) => s.failures[step]);
  const virtualSerial = useCalibrationState((s) => s.virtualMeter?.boardSerial ?? null);
  const facts = useWizardFacts();
  if (!session) return null;
  const open = isOpenSession(session);
  const idle = pending === null && !session.busy;
  const measuring = pending === `measure:${step}` || (session.busy && pending === null);
  const virtual = virtualSerial !== null && session.board.boardSerial === virtualSerial;
  const done = session.steps[step] !== undefined;
  const multi = step === 'voltage' || step === 'current';
  const next = neighbour(step, 1)!;
  const canNext = pageReachable(next, facts) && (done || OPTIONAL_STEPS.has(step));
  const measureLabel = measuring ? t('calibration.measure.measuring') : multi && done ? t('calibration.measure.addPoint') : done ? t('calibration.measure.again') : t('calibration.measure.measure');
  return (
    <PageFrame page={step} next={{ label: done || !OPTIONAL_STEPS.has(step) ? t('calibration.nav.next') : t('calibration.nav.skip'), enabled: canNext }}>
      {session.status === 'applied' && <p className="cal-note cal-note--warn">{t('calibration.measure.appliedWarning')}</p>}
      <div className="cal-columns">
        <section className="cal-card" aria-labelledby="cal-connect-title" data-testid="cal-connect">
          <h2 id="cal-connect-title" className="cal-card__title">
            {t('calibration.connect.title')}
          </h2>
          <p className="cal-card__lead">{t(`calibration.pages.${step}.connect`)}</p>
          {virtual && <BenchPanel key={step} view={step} disabled={!open || !idle} />}
          {step === 'phase' && <PhaseWhy />}
        </section>
        <ReferencePanel page={step === 'zero' ? null : step} reference={session.reference} virtual={virtual} disabled={!open || !idle} />
      </div>
      <div className="cal-measure">
        <button type="button" className="button button--primary" disabled={!open || !idle} onClick={() => void calibration.measure(step)} data-testid="cal-measure">
          {measureLabel}
        </button>
        <span className="cal-measure__note">{t('calibration.measure.window', { window: withUnit(fixed(session.windowS, 1, language), 's'), spp: session.board.samplesPerPeriod })}</span>
      </div>
      <FailureBox failure={failure} />
      <section className="cal-card" aria-labelledby="cal-readings-title">
        <h2 id="cal-readings-title" className="cal-card__title">
          {t('calibration.readings.title')}
        </h2>
        <StepReadings step={step} session={session} disabled={!open || !idle} />
      </section>
      <section className="cal-card cal-card--result" aria-labelledby="cal-fit-title">
        <h2 id="cal-fit-title" className="cal-card__title">
          {t('calibration.fit.title')}
        </h2>
        <FitSummary step={step} session={session} />
      </section>
    </PageFrame>
  );
}
