// The wizard's progress: every page in the bench's order, done ones ticked with what they found, the
// current one marked, pages that cannot be opened yet greyed; the past calibrations below.
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/app-context';
import { HistoryIcon } from '../../ui/icons';
import { useCalibration, useCalibrationState } from './calibration-services';
import { stepSummary } from './step-summary';
import { isOpenSession, pageDone, pageReachable, WIZARD_PAGES, type WizardFacts } from './wizard-pages';

export function useWizardFacts(): WizardFacts {
  const session = useCalibrationState((s) => s.session);
  const finished = useCalibrationState((s) => s.record !== null);
  const saved = useCalibrationState((s) => s.savedId !== null);
  return { session, finished, saved };
}

export function StepRail() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const language = useUi((s) => s.language);
  const view = useCalibrationState((s) => s.view);
  const pending = useCalibrationState((s) => s.pending);
  const savedId = useCalibrationState((s) => s.savedId);
  const historyCount = useCalibrationState((s) => s.history.length);
  const facts = useWizardFacts();
  const open = isOpenSession(facts.session);
  return (
    <nav className="cal-rail" aria-label={t('calibration.rail.label')} data-testid="cal-rail">
      <h2 className="section-title">{t('calibration.rail.title')}</h2>
      <ol className="cal-steps">
        {WIZARD_PAGES.map((page, i) => {
          const done = pageDone(page, facts);
          const reachable = pageReachable(page, facts);
          const summary = done ? stepSummary(page, facts.session, savedId, t, language) : null;
          return (
            <li key={page}>
              <button
                type="button"
                className={`cal-step${view === page ? ' is-current' : ''}${done ? ' is-done' : ''}`}
                disabled={!reachable || pending !== null}
                aria-current={view === page ? 'step' : undefined}
                onClick={() => calibration.go(page)}
                data-testid={`cal-step-${page}`}
                data-done={done}
              >
                <span className="cal-step__mark" aria-hidden="true">
                  {done ? '✓' : i + 1}
                </span>
                <span className="cal-step__text">
                  <span className="cal-step__name">{t(`calibration.pages.${page}.short`)}</span>
                  {summary && <span className="cal-step__summary">{summary}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {open && (
        <button type="button" className="text-button cal-rail__cancel" disabled={pending !== null || facts.session?.busy} onClick={() => void calibration.cancel()} data-testid="cal-cancel">
          {t('calibration.rail.cancel')}
        </button>
      )}
      <div className="cal-rail__divider" />
      <button type="button" className={`cal-step cal-step--history${view === 'history' ? ' is-current' : ''}`} disabled={pending !== null} onClick={() => calibration.go('history')} data-testid="cal-step-history">
        <span className="cal-step__mark cal-step__mark--icon" aria-hidden="true">
          <HistoryIcon size={14} />
        </span>
        <span className="cal-step__text">
          <span className="cal-step__name">{t('calibration.rail.history')}</span>
          <span className="cal-step__summary">{t('calibration.rail.historyCount', { count: historyCount })}</span>
        </span>
      </button>
    </nav>
  );
}
