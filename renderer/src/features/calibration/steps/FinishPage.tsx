// Page 10: end the calibration — on a pass the coefficients are stored in the board's EEPROM, otherwise the
// board is put back on its previous ones — and save the record in the project; then the certificate.
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../state/app-context';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FailureBox } from '../FailureBox';
import { FormField, PageFrame } from '../PageFrame';
import { CoefficientsTable } from './ApplyPage';
import { VerdictBox } from './VerificationTables';

function Outcome() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const record = useCalibrationState((s) => s.record)!;
  const savedId = useCalibrationState((s) => s.savedId);
  const pending = useCalibrationState((s) => s.pending);
  const project = useProject((s) => s.info?.displayName ?? null);
  const pass = record.verification.verdict.verdict === 'pass';
  return (
    <>
      <VerdictBox verdict={record.verification.verdict} accuracyClass={record.accuracy.accuracyClass} />
      <ul className="cal-outcome" data-testid="cal-outcome">
        <li className={record.storedOnBoard ? 'is-ok' : 'is-kept'} data-testid="cal-outcome-board">
          {record.storedOnBoard ? t('calibration.finish.stored', { serial: record.board.boardSerial }) : t(pass ? 'calibration.finish.notStored' : 'calibration.finish.restored', { serial: record.board.boardSerial })}
        </li>
        <li className={savedId !== null ? 'is-ok' : 'is-kept'} data-testid="cal-outcome-project">
          {savedId !== null ? t('calibration.finish.saved', { id: savedId, project: project ?? '' }) : project ? t('calibration.finish.notSaved') : t('calibration.finish.noProject')}
        </li>
      </ul>
      <section className="cal-card">
        <h2 className="cal-card__title">{t('calibration.finish.coefficients')}</h2>
        <CoefficientsTable before={record.previousCoefficients} after={record.coefficients} testId="cal-final-coefficients" final />
      </section>
      <div className="cal-measure">
        {savedId === null && (
          <button type="button" className="button button--primary" disabled={pending !== null || !project} onClick={() => void calibration.save()} data-testid="cal-save">
            {t('calibration.finish.save')}
          </button>
        )}
        <button type="button" className={`button${savedId !== null ? ' button--primary' : ''}`} disabled={pending !== null} onClick={() => calibration.openCertificate({ kind: 'record', record })} data-testid="cal-certificate">
          {t('calibration.finish.certificate')}
        </button>
        <button type="button" className="button" disabled={pending !== null} onClick={() => calibration.restart()} data-testid="cal-restart">
          {t('calibration.finish.restart')}
        </button>
      </div>
    </>
  );
}

export function FinishPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const session = useCalibrationState((s) => s.session);
  const record = useCalibrationState((s) => s.record);
  const pending = useCalibrationState((s) => s.pending);
  const failure = useCalibrationState((s) => s.failures.finish);
  const operator = useCalibrationState((s) => s.operator);
  const notes = useCalibrationState((s) => s.notes);
  const project = useProject((s) => s.info?.displayName ?? null);
  if (record) {
    return (
      <PageFrame page="finish" next={null}>
        <Outcome />
        <FailureBox failure={failure} />
      </PageFrame>
    );
  }
  if (!session) return null;
  const verdict = session.verification.verdict;
  const idle = pending === null && !session.busy;
  return (
    <PageFrame page="finish" next={null}>
      <VerdictBox verdict={verdict} accuracyClass={session.accuracy.accuracyClass} />
      <p className="cal-note" data-testid="cal-finish-plan">
        {verdict.verdict === 'pass' ? t('calibration.finish.planPass') : t('calibration.finish.planFail')} {project ? t('calibration.finish.planProject', { project }) : t('calibration.finish.noProject')}
      </p>
      <section className="cal-card">
        <div className="cal-form-grid">
          <FormField id="cal-operator" label={t('calibration.finish.operator')}>
            <input id="cal-operator" className="text-input" value={operator} maxLength={200} onChange={(e) => calibration.setFinishFields({ operator: e.target.value })} data-testid="cal-operator" />
          </FormField>
        </div>
        <FormField id="cal-notes" label={t('calibration.finish.notes')}>
          <textarea id="cal-notes" className="text-input cal-textarea" value={notes} maxLength={4000} onChange={(e) => calibration.setFinishFields({ notes: e.target.value })} data-testid="cal-notes" />
        </FormField>
      </section>
      <div className="cal-measure">
        <button type="button" className="button button--primary" disabled={session.status !== 'applied' || !idle} onClick={() => void calibration.finish()} data-testid="cal-finish">
          {pending === 'finish' || pending === 'save' ? t('calibration.finish.finishing') : t('calibration.finish.finish')}
        </button>
      </div>
      <FailureBox failure={failure} />
    </PageFrame>
  );
}
