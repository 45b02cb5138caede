// The inspector of the Optimise area: the chosen solution's objective values and devices, and the run
// it comes from (algorithm, seed, parameters, evaluations, time, why it ended).
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useUi } from '../../state/app-context';
import { ALGORITHM_TITLES, algorithmColour } from './algorithms';
import { describeDevices } from './describe-devices';
import { ObjectiveName } from './ObjectiveName';
import { objectiveDecimals } from './objectives';
import { RunDetails } from './RunsList';
import { useOptimizer, useOptimizerState } from './use-optimizer';

export function OptimiseInspector() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const language = useUi((s) => s.language);
  const selection = useOptimizerState((s) => s.selection);
  const run = useOptimizerState((s) => (s.selection ? s.loaded[s.selection.runId] : undefined));
  const summary = useOptimizerState((s) => (s.selection ? s.runs.find((r) => r.id === s.selection!.runId) : undefined));
  const applied = useOptimizerState((s) => s.applied);
  const applying = useOptimizerState((s) => s.applying);
  const solution = selection && run ? run.front[selection.index] : undefined;
  const isApplied = selection !== null && applied?.runId === selection.runId && applied.index === selection.index;

  if (!selection || !run || !solution) {
    return (
      <div className="optimise-inspector" data-testid="optimise-inspector">
        <p className="inspector__empty">{t('optimizer.inspector.empty')}</p>
      </div>
    );
  }
  return (
    <div className="optimise-inspector" data-testid="optimise-inspector">
      <section className="inspector-section">
        <h2 className="section-title">{t('optimizer.inspector.solution', { n: selection.index + 1 })}</h2>
        <dl className="inspector-values">
          {run.objectives.map((o) => (
            <div key={o.name} className="inspector-values__row">
              <dt>
                <ObjectiveName objective={o} />
              </dt>
              <dd>{formatNumber(solution.objectives[o.name] ?? Number.NaN, language, objectiveDecimals(o))}</dd>
            </div>
          ))}
        </dl>
        <p className="field-hint">{describeDevices(t, solution.devices)}</p>
        <button type="button" className="button button--primary inspector-use" disabled={applying || isApplied} onClick={() => void optimizer.applySelection()}>
          {isApplied ? t('optimizer.solution.used') : t('optimizer.solution.use')}
        </button>
      </section>
      <section className="inspector-section">
        <h2 className="section-title">
          <span className="algorithm-swatch" style={{ background: algorithmColour(run.algorithm) }} aria-hidden="true" /> {ALGORITHM_TITLES[run.algorithm]} · #{run.id}
        </h2>
        {summary && <RunDetails run={summary} />}
      </section>
    </div>
  );
}
