// Threshold alerts: the rules (a metric, above or below, a value), the live alerts now, and for each rule
// the runs of recorded minutes that broke it in the chosen range.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../../state/app-context';
import { formatReading } from '../scope/measurement-format';
import { alertText, useMonitor, useMonitorState } from './monitor-services';
import { METRIC_UNITS, METRICS, type Metric } from './threshold-rules';

function RuleForm() {
  const { t } = useTranslation();
  const monitor = useMonitor();
  const [metric, setMetric] = useState<Metric>('activePowerW');
  const [op, setOp] = useState<'above' | 'below'>('above');
  const [value, setValue] = useState('3000');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(v)) return setError(t('monitor.alerts.badValue', { value }));
    setError(null);
    monitor.addRule({ metric, op, value: v });
  };
  return (
    <form className="rule-form" onSubmit={submit} noValidate data-testid="rule-form">
      <select className="scope-select" value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="rule-metric">
        {METRICS.map((m) => (
          <option key={m} value={m}>
            {t(`monitor.metrics.${m}`)}
          </option>
        ))}
      </select>
      <select className="scope-select" value={op} onChange={(e) => setOp(e.target.value as 'above' | 'below')} data-testid="rule-op">
        <option value="above">{t('monitor.alerts.ops.above')}</option>
        <option value="below">{t('monitor.alerts.ops.below')}</option>
      </select>
      <span className="scope-level">
        <input className="text-input scope-level__input" value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" data-testid="rule-value" />
        <span className="scope-level__unit">{METRIC_UNITS[metric] === 'PF' ? '' : METRIC_UNITS[metric]}</span>
      </span>
      <button type="submit" className="button" data-testid="rule-add">
        {t('monitor.alerts.add')}
      </button>
      {error && <p className="field-error rule-form__error">{error}</p>}
    </form>
  );
}

export function AlertsPanel() {
  const { t } = useTranslation();
  const monitor = useMonitor();
  const language = useUi((s) => s.language);
  const { rules, episodes, live } = useMonitorState(useShallow((s) => ({ rules: s.rules, episodes: s.episodes, live: s.liveAlerts })));
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="monitor-panel alerts-panel" aria-label={t('monitor.alerts.title')} data-testid="alerts-panel">
      <h2 className="section-title">{t('monitor.alerts.title')}</h2>
      {live.map((a) => (
        <p key={a.rule.id} className="live-alert" role="alert" data-testid="live-alert">
          {alertText(t, a, language)}
        </p>
      ))}
      <RuleForm />
      {rules.length === 0 ? (
        <p className="muted monitor-empty">{t('monitor.alerts.none')}</p>
      ) : (
        <ul className="rule-list">
          {rules.map((r) => {
            const list = episodes[r.id] ?? [];
            const unit = METRIC_UNITS[r.metric];
            return (
              <li key={r.id} className="rule-list__item" data-testid="rule">
                <div className="rule-list__head">
                  <span className="rule-list__rule">
                    {t(`monitor.metrics.${r.metric}`)} {t(`monitor.alerts.ops.${r.op}`)} {formatReading(r.value, unit, language)}
                  </span>
                  <span className={`rule-list__count${list.length ? ' is-problem' : ''}`} data-testid="rule-episodes">
                    {t('monitor.alerts.episodes', { count: list.length })}
                  </span>
                  <button type="button" className="icon-button icon-button--small" onClick={() => monitor.removeRule(r.id)} aria-label={t('monitor.alerts.remove')} title={t('monitor.alerts.remove')}>
                    ×
                  </button>
                </div>
                {list.length > 0 && (
                  <ul className="episode-list">
                    {list.slice(-5).reverse().map((e) => (
                      <li key={e.start}>
                        {t('monitor.alerts.episode', { start: when.format(new Date(e.start)), count: e.minutes, extreme: formatReading(e.extreme, unit, language) })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
