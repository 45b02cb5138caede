// The built-in virtual meter, so the bench works with no hardware: plug it in or out, pick the mains and
// the load, its noise and deliberate errors (what calibration is for), the hostile links the UI must
// survive (a board that never answers, the bytes of a wrong baud rate), and a timed unplug to watch the
// link being lost and found again. What the simulated line really is shows beside it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VirtualMeterConfig } from '../../../../shared/api/device-api';
import { useUi } from '../../state/app-context';
import { useBench, useBenchState } from './bench-services';
import { formatReading } from './measurement-format';

const UNPLUG_MS = 3000;

function NumberField({ label, value, unit, min, max, onCommit, testId }: { label: string; value: number; unit: string; min: number; max: number; onCommit: (v: number) => void; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = Number(text.replace(',', '.'));
    if (Number.isFinite(v) && v >= min && v <= max) {
      if (v !== value) onCommit(v);
    } else setText(String(value));
  };
  return (
    <label className="vm-field">
      <span className="field-label">{label}</span>
      <span className="scope-level">
        <input className="text-input scope-level__input" value={text} inputMode="decimal" onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} data-testid={testId} />
        <span className="scope-level__unit">{unit}</span>
      </span>
    </label>
  );
}

export function VirtualMeterPanel() {
  const { t } = useTranslation();
  const bench = useBench();
  const language = useUi((s) => s.language);
  const vm = useBenchState((s) => s.virtualMeter);
  const [error, setError] = useState<string | null>(null);
  const [, tick] = useState(0);
  // While unplugged, count the seconds down.
  useEffect(() => {
    if (!vm?.unpluggedUntilMs) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [vm?.unpluggedUntilMs]);
  if (!vm) return null;
  const c = vm.config;
  const configure = (patch: Partial<VirtualMeterConfig>) => {
    setError(null);
    void bench.configureVirtualMeter(patch).then((r) => !r.ok && setError(r.message));
  };
  const select = <K extends 'preset' | 'load' | 'errors' | 'fault'>(key: K, options: readonly string[], testId: string, labelKey: string) => (
    <label className="vm-field">
      <span className="field-label">{t(`scope.virtual.${labelKey}`)}</span>
      <select className="scope-select" value={c[key]} onChange={(e) => configure({ [key]: e.target.value } as Partial<VirtualMeterConfig>)} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o} disabled={o === 'custom'}>
            {t(`scope.virtual.${key}Options.${o}`)}
          </option>
        ))}
      </select>
    </label>
  );
  const secondsLeft = vm.unpluggedUntilMs ? Math.max(0, Math.ceil((vm.unpluggedUntilMs - Date.now()) / 1000)) : 0;
  const truth = vm.truth;
  return (
    <section className="scope-panel vm-panel" aria-label={t('scope.virtual.title')} data-testid="virtual-meter">
      <h2 className="section-title section-title--with-action">
        {t('scope.virtual.title')}
        <button
          type="button"
          className={`text-button vm-power${vm.running ? ' is-on' : ''}`}
          onClick={() => void (vm.running ? bench.stopVirtualMeter() : bench.startVirtualMeter())}
          data-testid="virtual-power"
          aria-pressed={vm.running}
        >
          {vm.running ? t('scope.virtual.stop') : t('scope.virtual.start')}
        </button>
      </h2>
      <p className="field-hint vm-state" data-testid="virtual-state">
        {vm.unpluggedUntilMs ? t('scope.virtual.unplugged', { seconds: secondsLeft }) : vm.running ? t('scope.virtual.running', { path: vm.path, serial: vm.boardSerial }) : t('scope.virtual.stopped')}
      </p>
      <div className="vm-grid">
        {select('preset', ['230V-50Hz', '120V-60Hz'], 'virtual-preset', 'preset')}
        {select('load', ['resistive', 'inductive', 'led', 'motor', 'none'], 'virtual-load', 'load')}
        {c.load !== 'none' && (
          <NumberField label={t(c.load === 'inductive' ? 'scope.virtual.apparentPower' : 'scope.virtual.power')} value={c.powerW} unit={c.load === 'inductive' ? 'VA' : 'W'} min={1} max={50_000} onCommit={(v) => configure({ powerW: v })} testId="virtual-power-w" />
        )}
        {c.load === 'inductive' && <NumberField label={t('scope.virtual.powerFactor')} value={c.powerFactor} unit="" min={0.05} max={1} onCommit={(v) => configure({ powerFactor: v })} testId="virtual-pf" />}
        <NumberField label={t('scope.virtual.noise')} value={c.noiseCounts} unit="" min={0} max={100} onCommit={(v) => configure({ noiseCounts: v })} testId="virtual-noise" />
        {select('errors', c.errors === 'custom' ? ['uncalibrated', 'calibrated', 'ideal', 'custom'] : ['uncalibrated', 'calibrated', 'ideal'], 'virtual-errors', 'errors')}
        {select('fault', ['none', 'silent', 'wrong-baud'], 'virtual-fault', 'fault')}
      </div>
      <p className="field-hint vm-errors-hint">{t(`scope.virtual.errorsHint.${c.errors}`)}</p>
      <p className="vm-truth" data-testid="virtual-truth" title={t('scope.virtual.truthHint')}>
        {t('scope.virtual.truth', {
          v: formatReading(truth.vrmsV, 'V', language),
          i: formatReading(truth.irmsA, 'A', language),
          p: formatReading(truth.activePowerW, 'W', language),
          pf: formatReading(truth.powerFactor, 'PF', language),
        })}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button vm-unplug" onClick={() => void bench.unplugVirtualMeter(UNPLUG_MS)} disabled={!vm.running || vm.unpluggedUntilMs !== null} data-testid="virtual-unplug" title={t('scope.virtual.unplugHint')}>
        {t('scope.virtual.unplug', { seconds: UNPLUG_MS / 1000 })}
      </button>
    </section>
  );
}
