// The Pareto views: the front on two chosen objectives, parallel coordinates, and convergence, with the
// runs of one problem overlaid and a legend in the algorithms' colours.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { useUi } from '../../../state/app-context';
import { selectResolvedTheme } from '../../../state/ui-store';
import { ALGORITHM_TITLES } from '../algorithms';
import { useObjectiveLabel } from '../ObjectiveName';
import { objectiveDecimals } from '../objectives';
import type { ChartView } from '../optimizer-store';
import { useOptimizer, useOptimizerState } from '../use-optimizer';
import { keepAxes } from './chart-model';
import type { ChartLabels } from './chart-labels';
import { readChartTheme } from './chart-theme';
import { ConvergenceChart } from './ConvergenceChart';
import { markerSvgPath } from './markers';
import { ParallelChart } from './ParallelChart';
import { ScatterChart } from './ScatterChart';
import { useSeriesOutline } from './use-series-outline';

const VIEWS: readonly ChartView[] = ['scatter', 'parallel', 'convergence'];

export function ParetoViews() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const language = useUi((s) => s.language);
  const resolvedTheme = useUi(selectResolvedTheme);
  const view = useOptimizerState((s) => s.view);
  const wantedAxes = useOptimizerState((s) => s.axes);
  const problem = useOptimizerState((s) => s.problem);
  // Re-read when the compared runs or the job change (the tabs count runs per problem).
  useOptimizerState((s) => s.compared);
  useOptimizerState((s) => s.job);
  useOptimizerState((s) => s.loaded);
  const problems = optimizer.problems();
  const outline = useSeriesOutline(optimizer);
  const objectiveLabel = useObjectiveLabel();

  const theme = useMemo(() => {
    void resolvedTheme;
    return readChartTheme(getComputedStyle(document.documentElement));
  }, [resolvedTheme]);

  const labels = useMemo<ChartLabels>(() => {
    const seriesLabel: ChartLabels['series'] = (s) =>
      s.runId !== null ? t('optimizer.chart.runLabel', { algorithm: ALGORITHM_TITLES[s.algorithm], id: s.runId }) : t('optimizer.chart.liveLabel', { algorithm: ALGORITHM_TITLES[s.algorithm] });
    return {
      objective: objectiveLabel,
      axis: (o) => t(o.direction === 'maximize' ? 'optimizer.chart.axisMaximised' : 'optimizer.chart.axisMinimised', { label: objectiveLabel(o) }),
      value: (v, o) => (Number.isFinite(v) ? `${formatNumber(v, language, objectiveDecimals(o))}${o.unit === '%' ? '\u00a0%' : ''}` : '—'),
      series: seriesLabel,
      hint: (s) => t(s.runId !== null ? 'optimizer.chart.clickHint' : 'optimizer.chart.liveHint'),
      solution: (s, i) => `${seriesLabel(s)} · ${t('optimizer.chart.solution', { n: i + 1 })}`,
    };
  }, [t, language, objectiveLabel]);

  const axes = keepAxes(outline.objectives, wantedAxes);
  const x = outline.objectives.find((o) => o.name === axes?.x);
  const y = outline.objectives.find((o) => o.name === axes?.y);
  const formatHypervolume = useMemo(() => (v: number) => formatNumber(v, language, 3), [language]);
  const activeProblem = problem ?? problems[0]?.problem ?? null;

  return (
    <section className="pareto-views" aria-label={t('optimizer.chart.title')} data-testid="pareto-views">
      <header className="pareto-views__bar">
        <div className="tabs" role="tablist" aria-label={t('optimizer.chart.views')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={`tab${view === v ? ' is-active' : ''}`} onClick={() => optimizer.setView(v)} data-testid={`view-${v}`}>
              {t(`optimizer.chart.view.${v}`)}
            </button>
          ))}
        </div>
        {problems.length > 1 && (
          <div className="tabs tabs--small" role="tablist" aria-label={t('optimizer.chart.problems')}>
            {problems.map((p) => (
              <button
                key={p.problem}
                type="button"
                role="tab"
                aria-selected={p.problem === activeProblem}
                className={`tab${p.problem === activeProblem ? ' is-active' : ''}`}
                onClick={() => optimizer.setProblem(p.problem)}
                data-testid={`chart-problem-${p.problem}`}
              >
                {t('optimizer.chart.problemTab', { problem: problemTitle(t, p.problem), count: p.count })}
              </button>
            ))}
          </div>
        )}
        {view === 'scatter' && axes && outline.objectives.length > 2 && (
          <div className="axis-pickers">
            <label>
              <span>{t('optimizer.chart.xAxis')}</span>
              <select className="select-input select-input--small" value={axes.x} onChange={(e) => optimizer.setAxes({ x: e.target.value, y: e.target.value === axes.y ? axes.x : axes.y })} data-testid="axis-x">
                {outline.objectives.map((o) => (
                  <option key={o.name} value={o.name}>
                    {objectiveLabel(o)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('optimizer.chart.yAxis')}</span>
              <select className="select-input select-input--small" value={axes.y} onChange={(e) => optimizer.setAxes({ y: e.target.value, x: e.target.value === axes.x ? axes.y : axes.x })} data-testid="axis-y">
                {outline.objectives.map((o) => (
                  <option key={o.name} value={o.name}>
                    {objectiveLabel(o)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="icon-button icon-button--small" title={t('optimizer.chart.swapAxes')} aria-label={t('optimizer.chart.swapAxes')} onClick={() => optimizer.setAxes({ x: axes.y, y: axes.x })}>
              ⇄
            </button>
          </div>
        )}
      </header>
      <div className="pareto-views__body">
        {outline.series.length === 0 ? (
          <div className="chart-empty" data-testid="chart-empty">
            <p>{t('optimizer.chart.empty')}</p>
          </div>
        ) : view === 'scatter' && x && y ? (
          <ScatterChart key={`${x.name}/${y.name}`} optimizer={optimizer} x={x} y={y} theme={theme} labels={labels} />
        ) : view === 'parallel' ? (
          <ParallelChart optimizer={optimizer} theme={theme} labels={labels} />
        ) : view === 'convergence' ? (
          <ConvergenceChart optimizer={optimizer} theme={theme} labels={labels} xLabel={t('optimizer.chart.generation')} yLabel={t('optimizer.chart.hypervolume')} formatHypervolume={formatHypervolume} />
        ) : (
          <div className="chart-empty">
            <p>{t('optimizer.chart.oneObjective')}</p>
          </div>
        )}
      </div>
      {/* The convergence chart has uPlot's own legend, with the values under the cursor. */}
      {outline.series.length > 0 && view !== 'convergence' && (
        <ul className="chart-legend" data-testid="chart-legend">
          {outline.series.map((s) => (
            <li key={s.key} className={s.live ? 'is-live' : undefined}>
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <path d={markerSvgPath(s.shape)} fill={s.colour} />
              </svg>
              {labels.series({ ...s, points: [], hypervolumes: [] })}
            </li>
          ))}
          {view === 'parallel' && (
            <li className="chart-legend__note">{outline.objectives.length < 3 ? t('optimizer.chart.parallelFew') : t('optimizer.chart.betterUp')}</li>
          )}
        </ul>
      )}
    </section>
  );
}

export function problemTitle(t: (key: string) => string, problem: string): string {
  const [model, kind] = problem.split(/-(?=[^-]+$)/);
  const kindKey = kind === 'routers' || kind === 'sensors' || kind === 'joint' ? kind : null;
  const modelKey = model === 'thesis' ? 'thesis' : model === 'multi-wall' ? 'multiWall' : null;
  if (!kindKey || !modelKey) return problem;
  return `${t(`optimizer.problems.${kindKey}`)} · ${t(`optimizer.models.${modelKey}Short`)}`;
}
