// The optimisation panel: the problem and its objectives, the algorithms (several at once on the same
// problem), their parameters with the thesis's as a preset, the seed and the encoding; Run and Stop.
// Field errors come from form.ts (the back end's own rules); the back end's refusal shows below.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlgorithmName } from '../../../../shared/api/optimization-api';
import { useProject } from '../../state/app-context';
import { ALGORITHMS, ALGORITHM_TITLES, algorithmColour } from './algorithms';
import { isThesisPreset, type FieldError, type NumericField, type OptimizerForm } from './form';
import { ObjectiveName } from './ObjectiveName';
import { PROBLEM_OBJECTIVES, type OptimizationProblem } from './objectives';
import { problemKey, selectRunning } from './optimizer-store';
import { ProgressBars } from './ProgressBars';
import { useOptimizer, useOptimizerState } from './use-optimizer';

const PROBLEMS: readonly OptimizationProblem[] = ['routers', 'sensors', 'joint'];
const PARAMETER_FIELDS: readonly { field: NumericField; step: string }[] = [
  { field: 'populationSize', step: '2' },
  { field: 'generations', step: '10' },
  { field: 'crossoverProbability', step: '0.05' },
  { field: 'mutationProbability', step: '0.05' },
];

export function OptimizerPanel() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const form = useOptimizerState((s) => s.form);
  const errors = useOptimizerState((s) => s.formErrors);
  const running = useOptimizerState(selectRunning);
  const stopping = useOptimizerState((s) => s.job?.stopping ?? false);
  const startError = useOptimizerState((s) => s.startError);
  const hasFloor = useProject((s) => s.activeFloorId !== null);
  // The back end's own list once a run of this problem and model exists (new models name their own).
  const objectives = useOptimizerState((s) => [...s.runs].reverse().find((r) => r.problem === problemKey(s.form))?.objectives) ?? PROBLEM_OBJECTIVES[form.problem];
  const set = (patch: Partial<OptimizerForm>) => optimizer.setForm(patch);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void optimizer.start();
  };
  const errorText = (error: FieldError | undefined) => (error ? t(`optimizer.errors.${error.key}`, error.values) : null);
  const toggleAlgorithm = (a: AlgorithmName, on: boolean) =>
    set({ algorithms: on ? [...form.algorithms.filter((x) => x !== a), a] : form.algorithms.filter((x) => x !== a) });

  return (
    <form className="optimizer-panel" onSubmit={submit} noValidate data-testid="optimizer-panel">
      <fieldset className="panel-section" disabled={running}>
        <legend className="section-title">{t('optimizer.panel.problem')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('optimizer.panel.problem')}>
          {PROBLEMS.map((p) => (
            <label key={p} className={`segmented__option${form.problem === p ? ' is-checked' : ''}`} title={t(`optimizer.problems.${p}Hint`)}>
              <input type="radio" name="problem" value={p} checked={form.problem === p} onChange={() => set({ problem: p })} data-testid={`problem-${p}`} />
              {t(`optimizer.problems.${p}`)}
            </label>
          ))}
        </div>
        <div className="field-row">
          <label className="field-label" htmlFor="opt-model">
            {t('optimizer.panel.model')}
          </label>
          <select id="opt-model" className="select-input" value={form.model} onChange={(e) => set({ model: e.target.value as OptimizerForm['model'] })} data-testid="model">
            <option value="thesis">{t('optimizer.models.thesis')}</option>
            <option value="multi-wall">{t('optimizer.models.multiWall')}</option>
          </select>
        </div>
        <p className="field-hint">{t(form.model === 'thesis' ? 'optimizer.models.thesisHint' : 'optimizer.models.multiWallHint')}</p>
        <div className="objective-list" aria-label={t('optimizer.panel.objectives')} data-testid="objective-list">
          <span className="field-label">{t('optimizer.panel.objectives')}</span>
          <ul>
            {objectives.map((o) => (
              <li key={o.name}>
                <ObjectiveName objective={o} />
              </li>
            ))}
          </ul>
        </div>
      </fieldset>

      <fieldset className="panel-section" disabled={running}>
        <legend className="section-title">{t('optimizer.panel.algorithms')}</legend>
        <div className="algorithm-choices">
          {ALGORITHMS.map((a) => (
            <label key={a} className="check-option" title={t(`optimizer.algorithmHints.${a}`)}>
              <input type="checkbox" checked={form.algorithms.includes(a)} onChange={(e) => toggleAlgorithm(a, e.target.checked)} data-testid={`algorithm-${a}`} />
              <span className="algorithm-swatch" style={{ background: algorithmColour(a) }} aria-hidden="true" />
              {ALGORITHM_TITLES[a]}
            </label>
          ))}
        </div>
        {errors.algorithms && (
          <p className="field-error" role="alert">
            {errorText(errors.algorithms)}
          </p>
        )}
      </fieldset>

      <fieldset className="panel-section" disabled={running}>
        <legend className="section-title section-title--with-action">
          <span>{t('optimizer.panel.parameters')}</span>
          {isThesisPreset(form) ? (
            <span className="badge" data-testid="preset-badge">
              {t('optimizer.panel.thesisPresetActive')}
            </span>
          ) : (
            <button type="button" className="text-button" onClick={() => optimizer.applyThesisPreset()} title={t('optimizer.panel.thesisPresetHint')} data-testid="thesis-preset">
              {t('optimizer.panel.thesisPreset')}
            </button>
          )}
        </legend>
        <div className="parameter-grid">
          {PARAMETER_FIELDS.map(({ field }) => (
            <div key={field} className="parameter">
              <label className="field-label" htmlFor={`opt-${field}`}>
                {t(`optimizer.parameters.${field}`)}
              </label>
              <input
                id={`opt-${field}`}
                className={`text-input text-input--number${errors[field] ? ' has-error' : ''}`}
                inputMode="decimal"
                value={form[field]}
                onChange={(e) => set({ [field]: e.target.value })}
                aria-invalid={errors[field] !== undefined}
                aria-describedby={`opt-${field}-error`}
                data-testid={`param-${field}`}
              />
              <p id={`opt-${field}-error`} className="field-error" role="alert" hidden={!errors[field]} data-testid={`error-${field}`}>
                {errorText(errors[field])}
              </p>
            </div>
          ))}
          <div className="parameter">
            <label className="field-label" htmlFor="opt-seed">
              {t('optimizer.parameters.seed')}
            </label>
            <div className="input-with-button">
              <input
                id="opt-seed"
                className={`text-input text-input--number${errors.seed ? ' has-error' : ''}`}
                inputMode="numeric"
                value={form.seed}
                onChange={(e) => set({ seed: e.target.value })}
                aria-invalid={errors.seed !== undefined}
                data-testid="param-seed"
              />
              <button type="button" className="icon-button" onClick={() => optimizer.rollSeed()} title={t('optimizer.parameters.rollSeed')} aria-label={t('optimizer.parameters.rollSeed')} data-testid="roll-seed">
                <DiceIcon />
              </button>
            </div>
            <p className="field-error" role="alert" hidden={!errors.seed} data-testid="error-seed">
              {errorText(errors.seed)}
            </p>
          </div>
          <div className="parameter">
            <label className="field-label" htmlFor="opt-encoding">
              {t('optimizer.parameters.encoding')}
            </label>
            <select id="opt-encoding" className="select-input" value={form.encoding} onChange={(e) => set({ encoding: e.target.value as OptimizerForm['encoding'] })} title={t(`optimizer.encodings.${form.encoding}Hint`)} data-testid="encoding">
              <option value="grid">{t('optimizer.encodings.grid')}</option>
              <option value="sites">{t('optimizer.encodings.sites')}</option>
            </select>
          </div>
        </div>
      </fieldset>

      <div className="run-actions">
        {running ? (
          <button type="button" className="button button--danger" onClick={() => void optimizer.stop()} disabled={stopping} data-testid="optimizer-stop">
            {stopping ? t('optimizer.panel.stopping') : t('optimizer.panel.stop')}
          </button>
        ) : (
          <button type="submit" className="button button--primary" disabled={!hasFloor} data-testid="optimizer-run">
            {form.algorithms.length > 1 ? t('optimizer.panel.runSeveral', { count: form.algorithms.length }) : t('optimizer.panel.run')}
          </button>
        )}
      </div>
      {startError && (
        <p className="panel-alert" role="alert" data-testid="optimizer-error">
          {startError}
        </p>
      )}
      <ProgressBars />
    </form>
  );
}

function DiceIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.5" y="1.5" width="13" height="13" rx="3" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <circle cx="5" cy="5" r="1.2" fill="currentColor" />
      <circle cx="8" cy="8" r="1.2" fill="currentColor" />
      <circle cx="11" cy="11" r="1.2" fill="currentColor" />
    </svg>
  );
}
