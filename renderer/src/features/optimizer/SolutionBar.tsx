// The chosen solution above the plan: its run, its objective values, how many devices, and "Use this
// solution", which makes it the floor's placement (the Plan area keeps it editable, metrics live).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatNumber } from '../../i18n/format';
import { useUi } from '../../state/app-context';
import { ALGORITHM_TITLES, algorithmColour } from './algorithms';
import { describeDevices } from './describe-devices';
import { useObjectiveLabel } from './ObjectiveName';
import { objectiveDecimals } from './objectives';
import { previewStore } from './preview-store';
import { useOptimizer, useOptimizerState } from './use-optimizer';

export function SolutionBar() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const language = useUi((s) => s.language);
  const selection = useOptimizerState((s) => s.selection);
  const run = useOptimizerState((s) => (s.selection ? s.loaded[s.selection.runId] : undefined));
  const applying = useOptimizerState((s) => s.applying);
  const preview = useStore(previewStore, (s) => s.preview);
  const label = useObjectiveLabel();

  const applied = useOptimizerState((s) => s.applied);
  const solution = selection && run ? run.front[selection.index] : undefined;
  const previewing = preview !== null && (preview.runId !== selection?.runId || preview.index !== selection?.index);
  const isApplied = selection !== null && applied !== null && applied.runId === selection.runId && applied.index === selection.index;
  const shown = preview?.devices ?? solution?.devices ?? [];
  const devices = describeDevices(t, shown);

  return (
    <div className="solution-bar" data-testid="solution-bar" data-preview-devices={preview?.devices.length ?? 0}>
      {!solution || !selection || !run ? (
        <>
          <div className="solution-bar__line solution-bar__hint">{t('optimizer.solution.none')}</div>
          <div className="solution-bar__line solution-bar__devices">{preview ? t('optimizer.solution.hovering', { devices }) : ''}</div>
        </>
      ) : (
        <>
          <div className="solution-bar__line">
            <span className="algorithm-swatch" style={{ background: algorithmColour(run.algorithm) }} aria-hidden="true" />
            <span className="solution-bar__title" data-testid="solution-title">
              {t('optimizer.solution.title', { n: selection.index + 1, algorithm: ALGORITHM_TITLES[run.algorithm], id: run.id })}
            </span>
            <span className="solution-bar__values">
              {run.objectives.map((o) => (
                <span key={o.name} className="solution-bar__value">
                  {label(o)} <strong>{formatNumber(solution.objectives[o.name] ?? Number.NaN, language, objectiveDecimals(o))}</strong>
                </span>
              ))}
            </span>
          </div>
          <div className="solution-bar__line">
            <span className="solution-bar__devices" data-testid="solution-devices">
              {previewing ? t('optimizer.solution.hovering', { devices }) : isApplied ? t('optimizer.solution.applied', { devices }) : t('optimizer.solution.devices', { devices })}
            </span>
            <span className="solution-bar__actions">
              <button type="button" className="button button--primary button--small" disabled={applying || isApplied} onClick={() => void optimizer.applySelection()} data-testid="use-solution">
                {applying ? t('common.working') : isApplied ? t('optimizer.solution.used') : t('optimizer.solution.use')}
              </button>
              <button type="button" className="text-button text-button--small" onClick={() => optimizer.select(null)}>
                {t('optimizer.solution.clear')}
              </button>
            </span>
          </div>
        </>
      )}
    </div>
  );
}
