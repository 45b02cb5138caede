// The wizard's pages in the bench's order (DESIGN.md §4.4), which of them are done and which can be
// opened, from the session the back end holds. Pure: the rail, the Back/Next buttons and tests use it.
import type { CalibrationSessionState } from '../../../../shared/calibration/calibration-api';
import type { CalibrationStep } from '../../../../shared/calibration/calibration-steps';

export const WIZARD_PAGES = ['setup', 'accuracy', 'zero', 'voltage', 'current', 'phase', 'unity', 'apply', 'verify', 'finish'] as const;
export type WizardPage = (typeof WIZARD_PAGES)[number];
/** What the Calibrate area shows: a page of the wizard, or the project's past calibrations. */
export type CalibrationView = WizardPage | 'history';

/** The pages that measure a calibration step. */
export const MEASURE_PAGES: readonly CalibrationStep[] = ['zero', 'voltage', 'current', 'phase', 'unity'];
export const isMeasurePage = (page: CalibrationView): page is CalibrationStep => (MEASURE_PAGES as readonly string[]).includes(page);

/** Steps the coefficients can do without (the previous offsets or phase are kept): Next skips them. */
export const OPTIONAL_STEPS: ReadonlySet<CalibrationStep> = new Set(['zero', 'phase', 'unity']);

export const isOpenSession = (s: CalibrationSessionState | null): s is CalibrationSessionState => s !== null && (s.status === 'measuring' || s.status === 'applied');

export interface WizardFacts {
  readonly session: CalibrationSessionState | null;
  /** The record of the session just finished (held until it is saved and the wizard restarts). */
  readonly finished: boolean;
  /** The record was stored in the project. */
  readonly saved: boolean;
}

export function pageDone(page: WizardPage, f: WizardFacts): boolean {
  const s = f.session;
  switch (page) {
    case 'setup':
    case 'accuracy':
      return s !== null;
    case 'zero':
    case 'voltage':
    case 'current':
    case 'phase':
    case 'unity':
      return s?.steps[page] !== undefined;
    case 'apply':
      return s?.status === 'applied' || f.finished;
    case 'verify':
      return (s?.verification.points.length ?? 0) > 0;
    case 'finish':
      return f.saved;
  }
}

export function pageReachable(page: WizardPage, f: WizardFacts): boolean {
  const s = f.session;
  const live = s !== null && s.status !== 'cancelled';
  switch (page) {
    case 'setup':
    case 'accuracy':
      return true;
    case 'zero':
    case 'voltage':
    case 'current':
    case 'phase':
    case 'unity':
      return live;
    case 'apply':
      return live && (s.proposed !== null || s.status !== 'measuring');
    case 'verify':
      return live && s.status !== 'measuring';
    case 'finish':
      return f.finished || (s?.status === 'applied' && s.verification.points.length > 0);
  }
}

/** Where the wizard resumes: the first page not done (the finish page once a record exists). */
export function resumePage(f: WizardFacts): WizardPage {
  if (f.finished) return 'finish';
  if (!isOpenSession(f.session)) return 'setup';
  for (const page of WIZARD_PAGES) if (!pageDone(page, f) && pageReachable(page, f)) return page;
  return 'finish';
}

export function neighbour(page: WizardPage, direction: -1 | 1): WizardPage | null {
  const i = WIZARD_PAGES.indexOf(page) + direction;
  return i >= 0 && i < WIZARD_PAGES.length ? WIZARD_PAGES[i] : null;
}
