// "The thesis as a guided example": on the example office, one button reproduces the thesis's study
// (§4.7: routers, then sensors; NSGA-II, SPEA2 and NSGA-III; population 80, 100 generations, crossover
// 0.9, mutation 0.1) and ends with the three algorithms compared on one chart.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { THESIS_PARAMETERS } from '../../../../shared/optimize/problems/thesis-office';
import { useProject, useUi } from '../../state/app-context';
import { formatDuration } from './duration';
import { selectRunning } from './optimizer-store';
import { useOptimizer, useOptimizerState } from './use-optimizer';

/** The example's building is named after the thesis's office; a renamed copy is an ordinary project. */
export function isThesisExample(buildingName: string | undefined): boolean {
  return buildingName?.startsWith('Thesis office') ?? false;
}

export function GuidedExample() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const isExample = useProject((s) => isThesisExample(s.snapshot?.building.name));
  const guided = useOptimizerState((s) => s.guided);
  const running = useOptimizerState(selectRunning);
  const language = useUi((s) => s.language);
  const step = guided?.step ?? null;
  const cardRef = useRef<HTMLElement>(null);
  // The panel may have scrolled to the progress bars meanwhile: the outcome is what one looks for.
  useEffect(() => {
    if (step === 'done' || step === 'failed') cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  if (!isExample && !guided) return null;

  return (
    <section ref={cardRef} className={`guided-card${step === 'done' ? ' is-done' : ''}`} data-testid="guided-example" data-step={step ?? 'idle'}>
      <h3 className="guided-card__title">{t('optimizer.guided.title')}</h3>
      {step === null && (
        <>
          <p className="guided-card__body">{t('optimizer.guided.body', { ...THESIS_PARAMETERS })}</p>
          <button type="button" className="button button--primary" disabled={running} onClick={() => void optimizer.reproduceThesis()} data-testid="guided-run">
            {t('optimizer.guided.run')}
          </button>
        </>
      )}
      {(step === 'routers' || step === 'sensors') && (
        <p className="guided-card__body" role="status">
          <span className="spinner" aria-hidden="true" /> {t(`optimizer.guided.${step}`)}
        </p>
      )}
      {step === 'done' && guided && (
        <>
          <p className="guided-card__body" role="status">
            {t('optimizer.guided.done', { time: formatDuration(guided.elapsedMs ?? 0, language) })}
          </p>
          <div className="guided-card__actions">
            <button type="button" className="button button--small" onClick={() => void optimizer.compareOnly(guided.routerRunIds)} data-testid="guided-show-routers">
              {t('optimizer.guided.showRouters')}
            </button>
            <button type="button" className="button button--small" onClick={() => void optimizer.compareOnly(guided.sensorRunIds)} data-testid="guided-show-sensors">
              {t('optimizer.guided.showSensors')}
            </button>
            <button type="button" className="text-button text-button--small" onClick={() => optimizer.dismissGuided()}>
              {t('optimizer.guided.dismiss')}
            </button>
          </div>
        </>
      )}
      {step === 'failed' && (
        <>
          <p className="field-error" role="alert">
            {guided?.message ?? t('optimizer.guided.stopped')}
          </p>
          <button type="button" className="button button--small" disabled={running} onClick={() => void optimizer.reproduceThesis()}>
            {t('optimizer.guided.retry')}
          </button>
        </>
      )}
    </section>
  );
}
