// One wizard page: where it stands in the procedure (step n of 10, a progress bar), its title and what it
// is for, the page's content, and Back / Next at the bottom.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalibration, useCalibrationState } from './calibration-services';
import { useWizardFacts } from './StepRail';
import { neighbour, pageReachable, WIZARD_PAGES, type WizardPage } from './wizard-pages';

export interface NextAction {
  readonly label: string;
  readonly enabled: boolean;
  /** Default: go to the next page. */
  readonly onClick?: () => void;
  readonly primary?: boolean;
}

export function PageFrame({ page, next, children }: { page: WizardPage; next: NextAction | null; children: ReactNode }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const pending = useCalibrationState((s) => s.pending);
  const busy = useCalibrationState((s) => s.session?.busy ?? false);
  const facts = useWizardFacts();
  const index = WIZARD_PAGES.indexOf(page);
  const back = neighbour(page, -1);
  const forward = neighbour(page, 1);
  const canBack = back !== null && pageReachable(back, facts);
  const idle = pending === null && !busy;
  return (
    <section className="cal-page" aria-labelledby="cal-page-title" data-testid={`cal-page-${page}`}>
      <header className="cal-page__header">
        <div className="cal-progress" aria-hidden="true">
          <div className="cal-progress__bar" style={{ width: `${((index + 1) / WIZARD_PAGES.length) * 100}%` }} />
        </div>
        <p className="cal-page__position">{t('calibration.position', { n: index + 1, total: WIZARD_PAGES.length })}</p>
        <h1 id="cal-page-title" className="cal-page__title">
          {t(`calibration.pages.${page}.title`)}
        </h1>
        <p className="cal-page__lead">{t(`calibration.pages.${page}.lead`)}</p>
      </header>
      <div className="cal-page__body">{children}</div>
      <footer className="cal-page__footer">
        <button type="button" className="button" disabled={!canBack || !idle} onClick={() => back && calibration.go(back)} data-testid="cal-back">
          ← {t('calibration.nav.back')}
        </button>
        {next && (
          <button
            type="button"
            className={`button${next.primary ? ' button--primary' : ''}`}
            disabled={!next.enabled || !idle}
            onClick={() => (next.onClick ? next.onClick() : forward && calibration.go(forward))}
            data-testid="cal-next"
          >
            {next.label} →
          </button>
        )}
      </footer>
    </section>
  );
}

/** A labelled control with the reason it is refused under it. */
export function FormField({ id, label, problem, hint, children }: { id: string; label: string; problem?: string | null; hint?: string; children: ReactNode }) {
  return (
    <div className="cal-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !problem && <p className="cal-field__hint">{hint}</p>}
      {problem && (
        <p className="cal-field__error" role="alert" data-testid={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}
