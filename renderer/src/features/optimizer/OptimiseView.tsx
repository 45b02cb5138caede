// The Optimise area: the panel and the stored runs on the left; the Pareto views above the plan on the
// right, the chosen solution and the exports between them.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ParetoViews } from './charts/ParetoViews';
import { ExportButtons } from './export/ExportButtons';
import { GuidedExample } from './GuidedExample';
import { OptimisePlan } from './OptimisePlan';
import { OptimizerPanel } from './OptimizerPanel';
import { RunsList } from './RunsList';
import { SolutionBar } from './SolutionBar';
import { useOptimizer, useOptimizerState } from './use-optimizer';
import './optimizer.css';

export function OptimiseView() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const tab = useOptimizerState((s) => s.sideTab);
  const runCount = useOptimizerState((s) => s.runs.length);
  useEffect(() => {
    optimizer.messages = { applied: (count) => t('optimizer.messages.applied', { count }), noFloor: () => t('optimizer.messages.noFloor') };
  }, [optimizer, t]);
  // The runs may have changed elsewhere (the CLI on the same file, another window): list them again.
  useEffect(() => {
    void optimizer.refreshRuns();
  }, [optimizer]);
  return (
    <div className="optimise-view" data-testid="optimise-view">
      <aside className="optimise-side">
        <div className="tabs side-tabs" role="tablist" aria-label={t('optimizer.side.label')}>
          <button type="button" role="tab" aria-selected={tab === 'setup'} className={`tab${tab === 'setup' ? ' is-active' : ''}`} onClick={() => optimizer.setSideTab('setup')} data-testid="side-setup">
            {t('optimizer.side.setup')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'runs'} className={`tab${tab === 'runs' ? ' is-active' : ''}`} onClick={() => optimizer.setSideTab('runs')} data-testid="side-runs">
            {t('optimizer.side.runs')}
            {runCount > 0 && <span className="tab__count">{runCount}</span>}
          </button>
        </div>
        <div className="optimise-side__body">
          {tab === 'setup' ? (
            <>
              <GuidedExample />
              <OptimizerPanel />
            </>
          ) : (
            <RunsList />
          )}
        </div>
      </aside>
      <div className="optimise-main">
        <div className="optimise-main__charts">
          <ParetoViews />
        </div>
        <div className="optimise-main__plan">
          <div className="optimise-plan-bar">
            <SolutionBar />
          </div>
          <OptimisePlan />
          <ExportButtons />
        </div>
      </div>
    </div>
  );
}
