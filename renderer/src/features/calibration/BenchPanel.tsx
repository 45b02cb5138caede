// The simulated bench of the built-in virtual meter: the load this page asks for, the one the meter is
// on, and a button to switch. On a real board the engineer connects the load by hand instead.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/app-context';
import { BENCH_LOADS, benchLoad, currentBenchLoad, PAGE_LOAD, PAGE_LOAD_KIND, type BenchLoad } from './bench-loads';
import { useCalibration, useCalibrationState } from './calibration-services';
import { fixed, withUnit } from './format';
import type { CalibrationView } from './wizard-pages';

export function useLoadLabel(): (l: BenchLoad) => string {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  return (l) => {
    if (l.load === 'none') return t('calibration.bench.loads.none');
    const kw = withUnit(fixed(l.powerW / 1000, 1, language), l.load === 'resistive' ? 'kW' : 'kVA');
    const amps = withUnit(fixed(l.powerW / 230, 0, language), 'A');
    return l.load === 'resistive'
      ? t('calibration.bench.loads.resistive', { power: kw, current: amps })
      : t('calibration.bench.loads.inductive', { power: kw, current: amps, pf: fixed(l.powerFactor, 1, language) });
  };
}

/** Shown when the session's board (or the chosen one) is the virtual meter. */
export function BenchPanel({ view, disabled }: { view: CalibrationView; disabled: boolean }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const virtual = useCalibrationState((s) => s.virtualMeter);
  const pending = useCalibrationState((s) => s.pending);
  const label = useLoadLabel();
  const wanted = PAGE_LOAD[view] ?? 'r10';
  const [choice, setChoice] = useState(wanted);
  if (!virtual) return null;
  const now = currentBenchLoad(virtual.config);
  // A wrong kind of load for the step (a resistive one at the phase step) is flagged; any size will do.
  const kind = PAGE_LOAD_KIND[view];
  const onWanted = kind === undefined || (now !== null && now.load === kind);
  return (
    <div className={`cal-bench${onWanted ? '' : ' is-off'}`} data-testid="cal-bench">
      <div className="cal-bench__now">
        <span className="cal-bench__label">{t('calibration.bench.now')}</span>
        <strong data-testid="cal-bench-now">{now ? label(now) : t(`calibration.bench.other.${virtual.config.load}`)}</strong>
        {!onWanted && <span className="cal-bench__hint">{t('calibration.bench.wants', { load: label(benchLoad(wanted)) })}</span>}
      </div>
      <div className="cal-bench__switch">
        <select className="cal-select" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={disabled} aria-label={t('calibration.bench.choose')} data-testid="cal-bench-load">
          {BENCH_LOADS.map((l) => (
            <option key={l.id} value={l.id}>
              {label(l)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={disabled || pending !== null || (now?.id === choice)} onClick={() => void calibration.setBenchLoad(choice, view)} data-testid="cal-bench-switch">
          {t('calibration.bench.switch')}
        </button>
      </div>
    </div>
  );
}
