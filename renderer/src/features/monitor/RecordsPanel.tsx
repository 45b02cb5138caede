// The project's recording sessions (with their minutes and energy) and its captures (with their note and
// readings); a capture can be written as CSV or deleted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useUi } from '../../state/app-context';
import { CsvPathDialog } from '../scope/CsvPathDialog';
import { formatReading } from '../scope/measurement-format';
import { useMonitor, useMonitorState } from './monitor-services';

export function RecordsPanel() {
  const { t } = useTranslation();
  const { api } = useApp();
  const monitor = useMonitor();
  const language = useUi((s) => s.language);
  const pushToast = useUi((s) => s.pushToast);
  const sessions = useMonitorState((s) => s.sessions);
  const captures = useMonitorState((s) => s.captures);
  const [csvFor, setCsvFor] = useState<number | null>(null);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="monitor-panel records-panel" aria-label={t('monitor.records.title')}>
      <h2 className="section-title">
        {t('monitor.records.sessions')}
        <span className="section-title__count">{sessions.length}</span>
      </h2>
      {sessions.length === 0 ? (
        <p className="muted monitor-empty">{t('monitor.records.noSessions')}</p>
      ) : (
        <table className="monitor-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('monitor.records.started')}</th>
              <th>{t('monitor.records.board')}</th>
              <th className="num">{t('monitor.records.minutes')}</th>
              <th className="num">{t('monitor.records.energy')}</th>
            </tr>
          </thead>
          <tbody>
            {[...sessions].reverse().map((s) => (
              <tr key={s.id} title={s.note || undefined}>
                <td>{s.id}</td>
                <td>
                  {when.format(new Date(s.startedAt))}
                  {s.endedAt === null && <span className="badge-live"> {t('monitor.records.live')}</span>}
                </td>
                <td className="mono">{s.boardSerial}</td>
                <td className="num">{s.minutes}</td>
                <td className="num">{formatReading(s.energyWh, 'Wh', language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="section-title">
        {t('monitor.records.captures')}
        <span className="section-title__count">{captures.length}</span>
      </h2>
      {captures.length === 0 ? (
        <p className="muted monitor-empty">{t('monitor.records.noCaptures')}</p>
      ) : (
        <table className="monitor-table" data-testid="captures-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('monitor.records.created')}</th>
              <th>{t('monitor.records.note')}</th>
              <th className="num">Vrms</th>
              <th className="num">P</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...captures].reverse().map((c) => (
              <tr key={c.id} data-testid="capture-row">
                <td>{c.id}</td>
                <td>{when.format(new Date(c.createdAt))}</td>
                <td className="monitor-table__note" data-testid="capture-note-cell" title={c.note}>
                  {c.note || <span className="muted">—</span>}
                </td>
                <td className="num">{formatReading(c.vrmsV, 'V', language)}</td>
                <td className="num">{formatReading(c.activePowerW, 'W', language)}</td>
                <td className="monitor-table__actions">
                  <button type="button" className="text-button" onClick={() => setCsvFor(c.id)}>
                    CSV
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    aria-label={t('monitor.records.delete')}
                    title={t('monitor.records.delete')}
                    onClick={() => void monitor.deleteCapture(c.id).then((r) => !r.ok && pushToast('error', r.message))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {csvFor !== null && (
        <CsvPathDialog
          title={t('monitor.records.csvTitle', { id: csvFor })}
          hint={t('scope.csv.pathHint')}
          what={t('monitor.records.csvName', { id: csvFor })}
          testId="capture-csv-dialog"
          write={(path) => api.exportCaptureCsv({ path, source: { captureId: csvFor } })}
          onDone={(w) => {
            setCsvFor(null);
            pushToast('info', t('scope.csv.done', { path: w.path, count: w.rows }));
          }}
          onClose={() => setCsvFor(null)}
        />
      )}
    </section>
  );
}
