// The project's stored runs (they survive closing the project): tick several to compare them on one
// chart, open the details (seed, parameters, evaluations, time, why it stopped), delete one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../shared/api/optimization-api';
import { formatNumber } from '../../i18n/format';
import { useUi } from '../../state/app-context';
import { ALGORITHM_TITLES, algorithmColour } from './algorithms';
import { problemTitle } from './charts/ParetoViews';
import { formatDuration } from './duration';
import { useOptimizer, useOptimizerState } from './use-optimizer';

export function RunsList() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const runs = useOptimizerState((s) => s.runs);
  const loaded = useOptimizerState((s) => s.runsLoaded);
  const compared = useOptimizerState((s) => s.compared);
  const language = useUi((s) => s.language);
  const [open, setOpen] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  return (
    <section className="panel-section runs-list" aria-label={t('optimizer.side.runs')} data-testid="runs-list" data-count={runs.length}>
      <p className="field-hint runs-list__hint">{t('optimizer.runs.hint')}</p>
      {loaded && runs.length === 0 && <p className="field-hint">{t('optimizer.runs.none')}</p>}
      <ul>
        {[...runs].reverse().map((r) => (
          <li key={r.id} className={`run-item${compared.includes(r.id) ? ' is-compared' : ''}`} data-testid={`run-${r.id}`}>
            <div className="run-item__head">
              <label className="run-item__check" title={t('optimizer.runs.compareHint')}>
                <input type="checkbox" checked={compared.includes(r.id)} onChange={() => void optimizer.toggleCompare(r.id)} data-testid={`compare-${r.id}`} />
                <span className="algorithm-swatch" style={{ background: algorithmColour(r.algorithm) }} aria-hidden="true" />
                <strong>{ALGORITHM_TITLES[r.algorithm]}</strong>
                <span className="run-item__id">#{r.id}</span>
              </label>
              <button type="button" className="text-button text-button--small" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)} data-testid={`run-details-${r.id}`}>
                {open === r.id ? t('optimizer.runs.less') : t('optimizer.runs.more')}
              </button>
            </div>
            <div className="run-item__summary">
              {problemTitle(t, r.problem)} · {t('optimizer.runs.frontSize', { count: r.frontSize })} · {t('optimizer.runs.seedShort', { seed: r.seed })} ·{' '}
              {formatDuration(r.elapsedMs, language)}
              {r.stopReason === 'cancelled' && <span className="badge badge--warn">{t('optimizer.runs.stopped')}</span>}
            </div>
            {open === r.id && <RunDetails run={r} />}
            {open === r.id &&
              (confirming === r.id ? (
                <div className="run-item__confirm" role="alert">
                  <span>{t('optimizer.runs.confirmDelete', { id: r.id })}</span>
                  <button type="button" className="button button--danger button--small" onClick={() => void optimizer.deleteRun(r.id).then(() => setConfirming(null))} data-testid={`confirm-delete-${r.id}`}>
                    {t('optimizer.runs.delete')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
                <button type="button" className="text-button text-button--danger" onClick={() => setConfirming(r.id)} data-testid={`delete-${r.id}`}>
                  {t('optimizer.runs.deleteRun')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RunDetails({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const p = run.parameters;
  const rows: [string, string][] = [
    [t('optimizer.runs.created'), new Date(run.createdAt).toLocaleString(language)],
    [t('optimizer.parameters.seed'), String(run.seed)],
    [t('optimizer.parameters.populationSize'), String(p.populationSize ?? '—')],
    [t('optimizer.parameters.generations'), String(p.generations ?? '—')],
    [t('optimizer.parameters.crossoverProbability'), typeof p.crossoverProbability === 'number' ? formatNumber(p.crossoverProbability, language, 3) : '—'],
    [t('optimizer.parameters.mutationProbability'), typeof p.mutationProbability === 'number' ? formatNumber(p.mutationProbability, language, 3) : '—'],
    [t('optimizer.parameters.encoding'), t(`optimizer.encodings.${run.encoding}`)],
    [t('optimizer.runs.evaluations'), formatNumber(run.evaluations, language, 0)],
    [t('optimizer.runs.elapsed'), formatDuration(run.elapsedMs, language)],
    [t('optimizer.runs.stopReason'), t(`optimizer.runs.reason.${run.stopReason}`)],
  ];
  return (
    <dl className="run-details" data-testid={`run-info-${run.id}`}>
      {rows.map(([k, v]) => (
        <div key={k} className="run-details__row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
