// The measurement panel: the newest 200 ms window (IEC 61000-4-30's 10/12-cycle interval) as meter
// tiles — RMS values, powers, power factor, frequency, THD — with the board's temperature and the energy
// since connection. On the built-in virtual meter each tile also shows what the simulated line really is,
// so the board's deliberate errors (before calibration) can be read as a deviation.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { MeasurementWindowWire } from '../../../../shared/api/device-api';
import { useUi } from '../../state/app-context';
import { useBenchState } from './bench-services';
import { fixed, formatReading, type Quantity } from './measurement-format';

interface Tile {
  key: string;
  quantity: Quantity;
  channel?: 'voltage' | 'current' | 'power';
  value: (m: MeasurementWindowWire) => number | null;
  truth?: 'vrmsV' | 'irmsA' | 'activePowerW' | 'powerFactor' | 'frequencyHz';
}

const TILES: Tile[] = [
  { key: 'vrms', quantity: 'V', channel: 'voltage', value: (m) => m.vrmsV, truth: 'vrmsV' },
  { key: 'irms', quantity: 'A', channel: 'current', value: (m) => m.irmsA, truth: 'irmsA' },
  { key: 'p', quantity: 'W', channel: 'power', value: (m) => m.activePowerW, truth: 'activePowerW' },
  { key: 'q', quantity: 'var', value: (m) => m.reactivePowerVar },
  { key: 's', quantity: 'VA', value: (m) => m.apparentPowerVA },
  { key: 'pf', quantity: 'PF', value: (m) => m.powerFactor, truth: 'powerFactor' },
  { key: 'f', quantity: 'Hz', value: (m) => m.frequencyHz, truth: 'frequencyHz' },
  { key: 'thdV', quantity: '%', channel: 'voltage', value: (m) => (m.voltageThd === null ? null : 100 * m.voltageThd) },
  { key: 'thdI', quantity: '%', channel: 'current', value: (m) => (m.currentThd === null ? null : 100 * m.currentThd) },
];

export function MeasurementsPanel() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const { m, temperatureC, energyWh, truth, onVirtual } = useBenchState(
    useShallow((s) => ({
      m: s.measurement,
      temperatureC: s.temperatureC,
      energyWh: s.activeEnergyWh,
      truth: s.virtualMeter?.truth ?? null,
      onVirtual: s.status?.path === s.virtualMeter?.path && (s.status?.state === 'streaming' || s.status?.state === 'connected'),
    })),
  );
  const deviation = (tile: Tile, value: number | null): { text: string; title: string } | null => {
    if (!onVirtual || !truth || !tile.truth || value === null) return null;
    const expected = truth[tile.truth];
    if (expected === null) return null;
    const simulated = formatReading(expected, tile.quantity, language);
    // The unit is on the reading above: the note gives the number only, so it fits the tile.
    if (tile.quantity === 'PF' || tile.quantity === 'Hz') return { text: t('scope.measure.simulated', { value: fixed(expected, 3, language) }), title: simulated };
    const pct = expected !== 0 ? (100 * (value - expected)) / Math.abs(expected) : null;
    const deviation = pct === null ? '—' : `${pct >= 0 ? '+' : '−'}${formatReading(Math.abs(pct), '%', language)}`;
    return { text: t('scope.measure.simulatedDeviation', { deviation }), title: t('scope.measure.simulatedTitle', { value: simulated, deviation }) };
  };
  return (
    <section className="scope-panel scope-measurements" aria-label={t('scope.measure.title')} data-testid="scope-measurements">
      <h2 className="section-title">{t('scope.measure.title')}</h2>
      <div className="measure-grid">
        {TILES.map((tile) => {
          const value = m ? tile.value(m) : null;
          const note = deviation(tile, value);
          return (
            <div key={tile.key} className={`measure-tile${tile.channel ? ` is-${tile.channel}` : ''}`}>
              <span className="measure-tile__label">{t(`scope.measure.${tile.key}`)}</span>
              <span className="measure-tile__value" data-testid={`measure-${tile.key}`}>
                {formatReading(value, tile.quantity, language)}
              </span>
              {note && (
                <span className="measure-tile__note" title={note.title}>
                  {note.text}
                </span>
              )}
            </div>
          );
        })}
        <div className="measure-tile">
          <span className="measure-tile__label">{t('scope.measure.temperature')}</span>
          <span className="measure-tile__value" data-testid="measure-temperature">
            {formatReading(temperatureC, '°C', language)}
          </span>
        </div>
        <div className="measure-tile">
          <span className="measure-tile__label">{t('scope.measure.energy')}</span>
          <span className="measure-tile__value" data-testid="measure-energy">
            {m ? formatReading(energyWh, 'Wh', language) : '—'}
          </span>
        </div>
      </div>
      <p className="scope-panel__foot">{t('scope.measure.window', { ms: m ? Math.round(m.durationS * 1000) : 200 })}</p>
    </section>
  );
}
