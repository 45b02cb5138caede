// The project's past calibrations, newest first, with their verdicts; each prints its certificate again.
// A damaged record says so in its row instead of hiding the others.
import { useTranslation } from 'react-i18next';
import { useProject, useUi } from '../../../state/app-context';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { dateTime } from '../format';

export function HistoryPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const language = useUi((s) => s.language);
  const history = useCalibrationState((s) => s.history);
  const problem = useCalibrationState((s) => s.historyProblem);
  const project = useProject((s) => s.info?.displayName ?? null);
  return (
    <section className="cal-page" aria-labelledby="cal-history-title" data-testid="cal-page-history">
      <header className="cal-page__header">
        <h1 id="cal-history-title" className="cal-page__title">
          {t('calibration.history.title')}
        </h1>
        <p className="cal-page__lead">{project ? t('calibration.history.lead', { project }) : t('calibration.history.noProject')}</p>
      </header>
      <div className="cal-page__body">
        {problem && (
          <p className="cal-field__error" role="alert">
            {problem}
          </p>
        )}
        {project && history.length === 0 && !problem && <p className="cal-card__lead cal-empty">{t('calibration.history.empty')}</p>}
        {history.length > 0 && (
          <div className="cal-table-wrap">
            <table className="cal-table cal-table--history" data-testid="cal-history">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('calibration.history.date')}</th>
                  <th scope="col">{t('calibration.history.board')}</th>
                  <th scope="col">{t('calibration.history.class')}</th>
                  <th scope="col">{t('calibration.history.reference')}</th>
                  <th scope="col">{t('calibration.history.verdict')}</th>
                  <th scope="col">{t('calibration.history.onBoard')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('calibration.readings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((c) => (
                  <tr key={c.id} data-testid={`cal-history-${c.id}`}>
                    <td>{c.id}</td>
                    <td className="cal-history__date">{dateTime(c.createdAt, language)}</td>
                    <td className="mono">{c.boardSerial}</td>
                    {c.problem ? (
                      <td colSpan={4} className="cal-history__problem" role="alert">
                        {c.problem}
                      </td>
                    ) : (
                      <>
                        <td>{c.accuracyClass}</td>
                        <td className="cal-history__reference">
                          {c.reference}
                          {c.operator && <span className="cal-history__operator"> · {c.operator}</span>}
                        </td>
                        <td>
                          <span className={`cal-badge is-${c.verdict}`} data-testid={`cal-history-${c.id}-verdict`}>
                            {t(`calibration.verdict.${c.verdict}`)}
                          </span>
                        </td>
                        <td>{c.storedOnBoard ? t('calibration.history.yes') : t('calibration.history.no')}</td>
                      </>
                    )}
                    <td className="cal-table__actions">
                      <button
                        type="button"
                        className="text-button text-button--small"
                        disabled={c.problem !== null}
                        onClick={() => calibration.openCertificate({ kind: 'stored', id: c.id, boardSerial: c.boardSerial, createdAt: c.createdAt })}
                        data-testid={`cal-history-${c.id}-certificate`}
                      >
                        {t('calibration.history.certificate')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
