// The scope's controls: run/stop and single, trigger mode, source, edge and level, the time base and the
// vertical scales (1–2–5 knobs as lists), the traces shown, cursors, autoset, and the two captures.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Language } from '../../../../shared/api/app-api';
import { useUi } from '../../state/app-context';
import { useBench, useBenchState, useScopeSettings } from './bench-services';
import { autoset } from './engine/autoset';
import type { ScopeState } from './engine/scope-engine';
import { AMPS_PER_DIV, TIME_PER_DIV_MS, VOLTS_PER_DIV, WATTS_PER_DIV, type TriggerMode } from './engine/scope-settings';
import { formatPerDiv } from './measurement-format';

function PerDivSelect({ label, unit, steps, value, onChange, testId, language }: { label: string; unit: 'V' | 'A' | 'W' | 'ms'; steps: readonly number[]; value: number; onChange: (v: number) => void; testId: string; language: Language }) {
  return (
    <label className="scope-field">
      <span className="scope-field__label">{label}</span>
      <select className="scope-select" value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {steps.map((s) => (
          <option key={s} value={s}>
            {formatPerDiv(s, unit, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A number typed in either language's decimal separator, applied on Enter or when leaving the field. */
function LevelInput({ value, unit, onCommit, language }: { value: number; unit: string; onCommit: (v: number) => void; language: Language }) {
  const { t } = useTranslation();
  const show = (v: number) => (language === 'fr' ? String(v).replace('.', ',') : String(v));
  const [text, setText] = useState(show(value));
  // The value changed elsewhere (autoset, another window of the same settings): show it.
  useEffect(() => setText(language === 'fr' ? String(value).replace('.', ',') : String(value)), [value, language]);
  const commit = () => {
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() !== '' && Number.isFinite(v)) onCommit(v);
    else setText(show(value));
  };
  return (
    <label className="scope-level" title={t('scope.trigger.level')}>
      <span className="visually-hidden">{t('scope.trigger.level')}</span>
      <input
        className="text-input scope-level__input"
        value={text}
        inputMode="decimal"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        data-testid="scope-trigger-level"
      />
      <span className="scope-level__unit">{unit}</span>
    </label>
  );
}

function Toggle({ pressed, onClick, children, testId, className, title }: { pressed: boolean; onClick: () => void; children: ReactNode; testId: string; className?: string; title?: string }) {
  return (
    <button type="button" className={`scope-toggle ${className ?? ''}${pressed ? ' is-pressed' : ''}`} aria-pressed={pressed} onClick={onClick} data-testid={testId} title={title}>
      {children}
    </button>
  );
}

export function ScopeStateBadge() {
  const { t } = useTranslation();
  const bench = useBench();
  const [state, setState] = useState<ScopeState>(bench.engine.stats().state);
  useEffect(() => bench.engine.onState(setState), [bench]);
  return (
    <span className={`scope-state is-${state}`} data-testid="scope-state" data-state={state} role="status">
      {t(`scope.state.${state}`)}
    </span>
  );
}

export function ScopeToolbar({ onCapture, onCsv }: { onCapture: () => void; onCsv: () => void }) {
  const { t } = useTranslation();
  const bench = useBench();
  const language = useUi((s) => s.language);
  const s = useScopeSettings(useShallow((x) => x));
  const frequency = useBenchState((x) => x.measurement?.frequencyHz ?? null);
  const hasSweep = useBenchState((x) => x.status?.state === 'streaming' || x.status?.state === 'connected');
  const voltage = s.triggerChannel === 'voltage';
  const set = s.set;

  return (
    <div className="scope-toolbar" role="toolbar" aria-label={t('scope.toolbar')}>
      <div className="scope-toolbar__row">
        <button type="button" className={`scope-run ${s.running ? 'is-running' : 'is-stopped'}`} onClick={s.runStop} data-testid="scope-run" title={t('scope.runStopHint')}>
          {s.running ? t('scope.stop') : t('scope.run')}
        </button>
        <button type="button" className="button scope-single" onClick={s.single} data-testid="scope-single" title={t('scope.singleHint')}>
          {t('scope.single')}
        </button>
        {/* One group for the trigger, as on a scope's front panel: mode, source, edge, level. */}
        <div className="scope-field" role="group" aria-label={t('scope.trigger.mode')}>
          <span className="scope-field__label">{t('scope.trigger.mode')}</span>
          <span className="scope-trigger">
            <select className="scope-select" value={s.mode} onChange={(e) => set({ mode: e.target.value as TriggerMode, running: true })} data-testid="scope-mode" title={t('scope.trigger.modeHint')}>
              {(['auto', 'normal', 'single'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`scope.trigger.modes.${m}`)}
                </option>
              ))}
            </select>
            <select className="scope-select" value={s.triggerChannel} onChange={(e) => set({ triggerChannel: e.target.value as 'voltage' | 'current' })} data-testid="scope-trigger-channel" title={t('scope.trigger.sourceHint')}>
              {/* The trace letters of the V / I / P toggles; the channel's name is the option's label for assistive technology. */}
              <option value="voltage" aria-label={t('scope.channels.voltage')}>
                V
              </option>
              <option value="current" aria-label={t('scope.channels.current')}>
                I
              </option>
            </select>
            <select className="scope-select" value={s.triggerEdge} onChange={(e) => set({ triggerEdge: e.target.value as 'rising' | 'falling' })} data-testid="scope-trigger-edge" title={t('scope.trigger.edgeHint')}>
              <option value="rising" aria-label={t('scope.trigger.rising')}>
                ↑
              </option>
              <option value="falling" aria-label={t('scope.trigger.falling')}>
                ↓
              </option>
            </select>
            <LevelInput value={voltage ? s.triggerLevelV : s.triggerLevelA} unit={voltage ? 'V' : 'A'} language={language} onCommit={(v) => set(voltage ? { triggerLevelV: v } : { triggerLevelA: v })} />
          </span>
        </div>
        <span className="scope-toolbar__spacer" />
        <ScopeStateBadge />
        <button type="button" className="button button--primary scope-capture" onClick={onCapture} data-testid="scope-capture" title={t('scope.capture.hint')}>
          {t('scope.capture.button')}
        </button>
        <button type="button" className="button scope-csv" onClick={onCsv} data-testid="scope-csv" title={t('scope.csv.hint')}>
          {t('scope.csv.button')}
        </button>
      </div>
      <div className="scope-toolbar__row">
        <PerDivSelect label={t('scope.timebase')} unit="ms" steps={TIME_PER_DIV_MS} value={s.timePerDivMs} onChange={(v) => set({ timePerDivMs: v })} testId="scope-time-div" language={language} />
        <PerDivSelect label={t('scope.channels.voltage')} unit="V" steps={VOLTS_PER_DIV} value={s.voltsPerDiv} onChange={(v) => set({ voltsPerDiv: v })} testId="scope-volts-div" language={language} />
        <PerDivSelect label={t('scope.channels.current')} unit="A" steps={AMPS_PER_DIV} value={s.ampsPerDiv} onChange={(v) => set({ ampsPerDiv: v })} testId="scope-amps-div" language={language} />
        <PerDivSelect label={t('scope.channels.power')} unit="W" steps={WATTS_PER_DIV} value={s.wattsPerDiv} onChange={(v) => set({ wattsPerDiv: v })} testId="scope-watts-div" language={language} />
        <div className="scope-field">
          <span className="scope-field__label">{t('scope.traces')}</span>
          <span className="scope-toggles">
            <Toggle pressed={s.showVoltage} onClick={() => set({ showVoltage: !s.showVoltage })} testId="scope-show-voltage" className="is-voltage" title={t('scope.channels.voltage')}>
              V
            </Toggle>
            <Toggle pressed={s.showCurrent} onClick={() => set({ showCurrent: !s.showCurrent })} testId="scope-show-current" className="is-current" title={t('scope.channels.current')}>
              I
            </Toggle>
            <Toggle pressed={s.showPower} onClick={() => set({ showPower: !s.showPower })} testId="scope-show-power" className="is-power" title={t('scope.channels.powerHint')}>
              P
            </Toggle>
          </span>
        </div>
        <div className="scope-field">
          <span className="scope-field__label">&nbsp;</span>
          <span className="scope-toggles">
            <Toggle pressed={s.cursorsOn} onClick={() => set({ cursorsOn: !s.cursorsOn })} testId="scope-cursors" title={t('scope.cursors.hint')}>
              {t('scope.cursors.label')}
            </Toggle>
            <button type="button" className="scope-toggle" onClick={() => set(autoset(bench.engine.ring, bench.engine.sampleRateHz, frequency))} disabled={!hasSweep} data-testid="scope-autoset" title={t('scope.autosetHint')}>
              {t('scope.autoset')}
            </button>
          </span>
        </div>
      </div>
    </div>
  );
}
