// The Monitor area: recording into the project, then what the one-minute aggregates say — power over the
// chosen range with its thresholds, energy per day, alerts — and the sessions and captures, with CSV
// export of the aggregates.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useUi } from '../../state/app-context';
import { CsvPathDialog } from '../scope/CsvPathDialog';
import { formatReading } from '../scope/measurement-format';
import { AlertsPanel } from './AlertsPanel';
import { DailyEnergyChart, PowerTrendChart } from './MonitorCharts';
import { useMonitor, useMonitorState } from './monitor-services';
import { RANGES, type RangeName } from './monitor-store';
import { RecordingBar } from './RecordingBar';
import { RecordsPanel } from './RecordsPanel';
import '../scope/scope.css';
import './monitor.css';

function Totals() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const { trend, daily } = useMonitorState(useShallow((s) => ({ trend: s.trend, daily: s.daily })));
  const points = trend?.points ?? [];
  const energyWh = daily.reduce((sum, d) => sum + d.energyWh, 0);
  const minutes = points.reduce((sum, p) => sum + p.minutes, 0);
  const peak = points.reduce<number | null>((m, p) => (p.pMaxW === null ? m : m === null ? p.pMaxW : Math.max(m, p.pMaxW)), null);
  const mean = minutes > 0 ? points.reduce((sum, p) => sum + (p.pAvgW ?? 0) * p.minutes, 0) / minutes : null;
  return (
    <dl className="monitor-totals" data-testid="monitor-totals">
      <div>
        <dt>{t('monitor.totals.energy')}</dt>
        <dd data-testid="total-energy">{formatReading(energyWh, 'Wh', language)}</dd>
      </div>
      <div>
        <dt>{t('monitor.totals.mean')}</dt>
        <dd>{formatReading(mean, 'W', language)}</dd>
      </div>
      <div>
        <dt>{t('monitor.totals.peak')}</dt>
        <dd>{formatReading(peak, 'W', language)}</dd>
      </div>
      <div>
        <dt>{t('monitor.totals.recorded')}</dt>
        <dd data-testid="total-minutes">{t('monitor.totals.minutes', { count: minutes })}</dd>
      </div>
    </dl>
  );
}

export function MonitorView() {
  const { t } = useTranslation();
  const { api } = useApp();
  const monitor = useMonitor();
  const pushToast = useUi((s) => s.pushToast);
  const { range, sessionId, sessions, error, loading, bucket } = useMonitorState(
    useShallow((s) => ({ range: s.range, sessionId: s.sessionId, sessions: s.sessions, error: s.error, loading: s.loading, bucket: s.trend?.bucketMinutes ?? null })),
  );
  const [csv, setCsv] = useState(false);
  useEffect(() => {
    void monitor.load();
  }, [monitor]);
  return (
    <div className="monitor-view" data-testid="monitor-view">
      <RecordingBar />
      <div className="monitor-controls">
        <div className="monitor-range" role="group" aria-label={t('monitor.range.label')}>
          {RANGES.map((r) => (
            <button key={r} type="button" className={`scope-toggle${r === range ? ' is-pressed' : ''}`} aria-pressed={r === range} onClick={() => monitor.setRange(r as RangeName)} data-testid={`range-${r}`}>
              {t(`monitor.range.${r}`)}
            </button>
          ))}
        </div>
        <select className="scope-select" value={sessionId ?? ''} onChange={(e) => monitor.setSession(e.target.value ? Number(e.target.value) : null)} data-testid="monitor-session">
          <option value="">{t('monitor.range.allSessions')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {t('monitor.range.session', { id: s.id, board: s.boardSerial, date: new Date(s.startedAt).toLocaleDateString() })}
            </option>
          ))}
        </select>
        <button type="button" className="text-button" onClick={() => void monitor.load()} disabled={loading} data-testid="monitor-refresh">
          {loading ? t('common.working') : t('monitor.refresh')}
        </button>
        <span className="scope-toolbar__spacer" />
        <button type="button" className="button" onClick={() => setCsv(true)} data-testid="monitor-csv">
          {t('monitor.csv.button')}
        </button>
      </div>
      {error && (
        <p className="field-error monitor-error" role="alert">
          {error}
        </p>
      )}
      <div className="monitor-body">
        <div className="monitor-charts">
          <section className="monitor-panel monitor-panel--trend">
            <h2 className="section-title">
              {t('monitor.trend.title')}
              {bucket !== null && <span className="section-title__count">{t('monitor.trend.bucket', { count: bucket })}</span>}
            </h2>
            <Totals />
            <PowerTrendChart />
          </section>
          <section className="monitor-panel monitor-panel--daily">
            <h2 className="section-title">{t('monitor.daily.title')}</h2>
            <DailyEnergyChart />
          </section>
        </div>
        <div className="monitor-side">
          <AlertsPanel />
          <RecordsPanel />
        </div>
      </div>
      {csv && (
        <CsvPathDialog
          title={t('monitor.csv.title')}
          hint={t('monitor.csv.hint')}
          what={t('monitor.csv.fileName')}
          testId="aggregates-csv-dialog"
          write={(path) => api.exportAggregatesCsv({ path, ...monitor.rangeArgs() })}
          onDone={(w) => {
            setCsv(false);
            pushToast('info', t('monitor.csv.done', { path: w.path, count: w.rows }));
          }}
          onClose={() => setCsv(false)}
        />
      )}
    </div>
  );
}
