// A failure the back end reported on this page, in its words, and what it means for the board: nothing
// was written, or the previous coefficients were put back — the board keeps its previous calibration.
import { useTranslation } from 'react-i18next';
import type { PageFailure } from './calibration-store';

/** Failures that have nothing to do with the board (a form, a missing project) need no reassurance. */
const NOT_ABOUT_THE_BOARD = new Set(['typed', 'form', 'no-project', 'busy', 'bad-output', 'not-found', 'write-failed']);

export function FailureBox({ failure, testId = 'cal-failure' }: { failure: PageFailure | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!failure || failure.code === 'typed' || failure.code === 'form') return null;
  return (
    <div className="cal-failure" role="alert" data-testid={testId} data-code={failure.code}>
      <p className="cal-failure__message">{failure.message}</p>
      {!NOT_ABOUT_THE_BOARD.has(failure.code) && <p className="cal-failure__kept">{t('calibration.failure.kept')}</p>}
    </div>
  );
}
