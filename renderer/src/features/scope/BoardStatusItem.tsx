// The status bar's board item: the link at a glance (streaming from which board, lost and reconnecting,
// a failed connect), and a threshold alert while one lasts. A click opens the Scope area (the Monitor
// during an alert). Making it also makes the window's bench and monitor, so both work from start-up.
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/app-context';
import { BoardIcon } from '../../ui/icons';
import { alertText, useMonitorState } from '../monitor/monitor-services';
import { useBenchState } from './bench-services';
import { linkLine } from './link-status';

export function BoardStatusItem() {
  const { t } = useTranslation();
  const setArea = useUi((s) => s.setArea);
  const language = useUi((s) => s.language);
  // Making the monitor here starts its live threshold alerts for the whole window.
  const alerts = useMonitorState((s) => s.liveAlerts);
  const status = useBenchState((s) => s.status);
  const line = linkLine(status);
  const live = status?.state === 'streaming' || status?.state === 'connected';
  const dot = line.tone === 'ok' ? 'dot--ok' : line.tone === 'error' ? 'dot--error' : line.tone === 'busy' ? 'dot--busy' : null;
  return (
    <button
      type="button"
      className={`status-item status-item--button${live || line.tone === 'error' ? '' : ' status-item--muted'}${line.tone === 'error' ? ' is-board-error' : ''}`}
      data-testid="status-board"
      data-state={status?.state ?? 'unknown'}
      title={`${status?.message ?? t('status.noBoard')} — ${t('status.boardHint')}`}
      onClick={() => setArea(alerts.length ? 'monitor' : 'scope')}
    >
      {dot ? <span className={`dot ${dot}`} aria-hidden="true" /> : <BoardIcon size={13} />}
      <span className="status-item__extra">{status === null || (status.state === 'disconnected' && !status.lastErrorCode) ? t('status.noBoard') : t(line.key, line.values)}</span>
      {alerts.length > 0 && (
        <span className="status-alert" data-testid="status-alert" title={alerts.map((a) => alertText(t, a, language)).join('\n')}>
          ⚠ {alertText(t, alerts[0], language)}
        </span>
      )}
    </button>
  );
}
