// Harmonics 2 to 15 of voltage and current as bars, in % of each channel's fundamental (the usual way to
// read them against IEC 61000-3-2 and EN 50160 limits); THD is in the measurement panel. Redrawn when a
// new measurement window arrives (5 per second), through the bench store's subscription, not React state.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import type { MeasurementWindowWire } from '../../../../shared/api/device-api';
import { selectResolvedTheme } from '../../state/ui-store';
import { useUi } from '../../state/app-context';
import { useBench } from './bench-services';
import { readScopeColours } from './scope-colours';

export const HARMONIC_ORDERS = Array.from({ length: 14 }, (_, k) => k + 2);

/** Harmonic h of a channel in % of its fundamental (index = order), null when there is no fundamental. */
export function harmonicPercent(harmonics: readonly (number | null)[], order: number): number | null {
  const fundamental = harmonics[1];
  const h = harmonics[order];
  if (fundamental === null || fundamental === undefined || !(fundamental > 0) || h === null || h === undefined) return null;
  return (100 * h) / fundamental;
}

function data(m: MeasurementWindowWire | null): uPlot.AlignedData {
  return [HARMONIC_ORDERS, HARMONIC_ORDERS.map((h) => (m ? harmonicPercent(m.voltageHarmonicsV, h) : null)), HARMONIC_ORDERS.map((h) => (m ? harmonicPercent(m.currentHarmonicsA, h) : null))];
}

export function HarmonicsChart() {
  const { t } = useTranslation();
  const bench = useBench();
  const theme = useUi(selectResolvedTheme);
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current!;
    const c = readScopeColours(getComputedStyle(host));
    let plot: uPlot | null = null;
    const render = () => {
      const m = bench.store.getState().measurement;
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (width <= 0 || height <= 0) return;
      if (!plot) {
        const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.38, 18], align, gap: 1 });
        plot = new uPlot(
          {
            width,
            height,
            cursor: { show: false },
            legend: { show: false },
            scales: { x: { time: false, range: [1.4, 15.6] }, y: { range: (_u, _min, max) => [0, Math.max(2, Math.ceil((max ?? 0) * 1.15))] } },
            axes: [
              { stroke: c.text, font: c.font, grid: { show: false }, ticks: { stroke: c.grid, size: 3 }, size: 22, splits: () => HARMONIC_ORDERS, values: (_u, s) => s.map((h) => (h % 2 === 1 ? String(h) : '')) },
              { stroke: c.text, font: c.font, grid: { stroke: c.grid, width: 1 }, ticks: { show: false }, size: 36, values: (_u, s) => s.map((v) => `${v}`) },
            ],
            series: [{}, { label: 'V', stroke: c.voltage, fill: c.voltage, paths: bars(-1), points: { show: false } }, { label: 'I', stroke: c.current, fill: c.current, paths: bars(1), points: { show: false } }],
          },
          data(m),
          host,
        );
      } else plot.setData(data(m));
      host.dataset.order3CurrentPct = m ? (harmonicPercent(m.currentHarmonicsA, 3) ?? 0).toFixed(2) : '';
    };
    render();
    let last = bench.store.getState().measurement;
    const unsubscribe = bench.store.subscribe((s) => {
      if (s.measurement === last) return;
      last = s.measurement;
      render();
    });
    const resize = new ResizeObserver(() => {
      if (plot && host.clientWidth > 0 && host.clientHeight > 0) plot.setSize({ width: host.clientWidth, height: host.clientHeight });
      else render();
    });
    resize.observe(host);
    return () => {
      unsubscribe();
      resize.disconnect();
      plot?.destroy();
    };
  }, [bench, theme]);

  return (
    <section className="scope-panel scope-harmonics" aria-label={t('scope.harmonics.title')}>
      <h2 className="section-title">
        {t('scope.harmonics.title')}
        <span className="scope-legend">
          <span className="scope-legend__item is-voltage">{t('scope.channels.voltage')}</span>
          <span className="scope-legend__item is-current">{t('scope.channels.current')}</span>
        </span>
      </h2>
      <div className="scope-harmonics__plot" ref={hostRef} data-testid="harmonics-chart" />
      <p className="scope-panel__foot">{t('scope.harmonics.foot')}</p>
    </section>
  );
}
