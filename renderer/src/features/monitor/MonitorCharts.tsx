// The Monitor area's two charts in uPlot: power over time (the bucket's mean, with its minimum–maximum
// band and the power thresholds drawn across), and energy per day as bars.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { selectResolvedTheme } from '../../state/ui-store';
import { useUi } from '../../state/app-context';
import { readScopeColours } from '../scope/scope-colours';
import { dailyColumns, trendColumns } from './monitor-charts';
import { useMonitor, useMonitorState } from './monitor-services';

const kiloW = (v: number) => (Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))} k` : `${Number(v.toPrecision(3))}`);

type Chart = { update(): void; destroy(): void; resize(w: number, h: number): void };

/** A uPlot chart made once per theme (and `key`), fed from the monitor store when it changes. */
function useChart(make: (host: HTMLDivElement, colours: ReturnType<typeof readScopeColours>) => Chart | null, key: string) {
  const hostRef = useRef<HTMLDivElement>(null);
  const makeRef = useRef(make);
  makeRef.current = make;
  const monitor = useMonitor();
  const theme = useUi(selectResolvedTheme);
  useEffect(() => {
    const host = hostRef.current!;
    const colours = readScopeColours(getComputedStyle(host));
    let chart: Chart | null = null;
    const render = () => {
      if (host.clientWidth <= 0 || host.clientHeight <= 0) return;
      if (!chart) chart = makeRef.current(host, colours);
      else chart.update();
    };
    render();
    const unsubscribe = monitor.store.subscribe(render);
    const resize = new ResizeObserver(() => (chart ? chart.resize(host.clientWidth, host.clientHeight) : render()));
    resize.observe(host);
    return () => {
      unsubscribe();
      resize.disconnect();
      chart?.destroy();
    };
  }, [monitor, theme, key]);
  return hostRef;
}

/** Time ticks in the window's language: hours within a day or two, then dates. */
function timeLabels(splits: number[], scale: uPlot.Scale, language: string): string[] {
  const spanS = (scale.max ?? 0) - (scale.min ?? 0);
  const f = new Intl.DateTimeFormat(language, spanS <= 2 * 86_400 ? { hour: '2-digit', minute: '2-digit' } : spanS <= 14 * 86_400 ? { weekday: 'short', day: 'numeric' } : { day: 'numeric', month: 'short' });
  return splits.map((s) => f.format(new Date(s * 1000)));
}

export function PowerTrendChart() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const monitor = useMonitor();
  const empty = useMonitorState((s) => s.trend !== null && s.trend.points.length === 0);
  const hostRef = useChart((host, c) => {
    const data = (): uPlot.AlignedData => {
      const trend = monitor.store.getState().trend;
      const cols = trendColumns(trend?.points ?? [], trend?.bucketMinutes ?? 1);
      return [cols.t, cols.pMax, cols.pAvg, cols.pMin];
    };
    const thresholds = () => monitor.store.getState().rules.filter((r) => r.metric === 'activePowerW');
    // The chosen range from its start to now (a lone point then sits where it belongs, not in a span of
    // years); "all" spans the data, at least an hour.
    const xRange = (min: number | null, max: number | null): uPlot.Range.MinMax => {
      const from = monitor.rangeArgs().from;
      const nowS = Date.now() / 1000;
      if (from) return [Date.parse(from) / 1000, nowS];
      const lo = min ?? nowS - 3600;
      return [lo, Math.max(lo + 3600, (max ?? nowS) + 60 * (monitor.store.getState().trend?.bucketMinutes ?? 1))];
    };
    const plot = new uPlot(
      {
        width: host.clientWidth,
        height: host.clientHeight,
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
        legend: { show: false },
        scales: { x: { time: true, range: (_u, min, max) => xRange(min, max) }, y: { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(10, (max ?? 0) * 1.1, ...thresholds().map((r) => r.value * 1.1))] } },
        axes: [
          { stroke: c.text, font: c.font, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, values: (u, splits) => timeLabels(splits, u.scales.x, language) },
          { stroke: c.text, font: c.font, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, size: 54, label: 'W', labelFont: c.font, labelSize: 14, values: (_u, s) => s.map(kiloW) },
        ],
        series: [
          {},
          { label: t('monitor.trend.max'), stroke: c.power, width: 1, alpha: 0.45, points: { show: false }, value: (_u, v) => (v === null ? '—' : `${Math.round(v)} W`) },
          { label: t('monitor.trend.mean'), stroke: c.power, width: 2, points: { show: (u: uPlot) => (u.data[0]?.length ?? 0) < 3 }, value: (_u, v) => (v === null ? '—' : `${Math.round(v)} W`) },
          { label: t('monitor.trend.min'), stroke: c.power, width: 1, alpha: 0.45, points: { show: false }, value: (_u, v) => (v === null ? '—' : `${Math.round(v)} W`) },
        ],
        bands: [{ series: [1, 3], fill: `${c.power}22` }],
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              const { left, width } = u.bbox;
              ctx.save();
              ctx.strokeStyle = '#d64545';
              ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
              ctx.lineWidth = uPlot.pxRatio;
              for (const r of thresholds()) {
                const y = u.valToPos(r.value, 'y', true);
                ctx.beginPath();
                ctx.moveTo(left, y);
                ctx.lineTo(left + width, y);
                ctx.stroke();
              }
              ctx.restore();
            },
          ],
        },
      },
      data(),
      host,
    );
    host.dataset.points = String(plot.data[0].length);
    return {
      update() {
        plot.setData(data());
        host.dataset.points = String(plot.data[0].length);
      },
      resize: (w, h) => plot.setSize({ width: w, height: h }),
      destroy: () => plot.destroy(),
    };
  }, `${language}:${t('monitor.trend.mean')}`);
  return (
    <>
      <div className="monitor-chart" ref={hostRef} data-testid="power-trend">
        {empty && <p className="monitor-chart__empty">{t('monitor.trend.empty')}</p>}
      </div>
      <p className="scope-panel__foot">{t('monitor.trend.caption')}</p>
    </>
  );
}

export function DailyEnergyChart() {
  const monitor = useMonitor();
  const language = useUi((s) => s.language);
  const hostRef = useChart((host, c) => {
    const data = (): uPlot.AlignedData => {
      const cols = dailyColumns(monitor.store.getState().daily);
      return [cols.t, cols.kWh];
    };
    const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
    const plot = new uPlot(
      {
        width: host.clientWidth,
        height: host.clientHeight,
        cursor: { show: false },
        legend: { show: false },
        scales: { x: { time: false, range: (_u, min, max) => [(min ?? 0) - 43_200, (max ?? 0) + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(0.01, (max ?? 0) * 1.15)] } },
        axes: [
          { stroke: c.text, font: c.font, grid: { show: false }, ticks: { stroke: c.grid }, splits: (u) => [...(u.data[0] as number[])], values: (_u, s) => s.map((v) => day.format(new Date(v * 1000))) },
          { stroke: c.text, font: c.font, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, size: 50, label: 'kWh', labelFont: c.font, labelSize: 14 },
        ],
        series: [{}, { label: 'kWh', stroke: c.voltage, fill: `${c.voltage}cc`, paths: uPlot.paths.bars!({ size: [0.6, 60] }), points: { show: false } }],
      },
      data(),
      host,
    );
    host.dataset.days = String(plot.data[0].length);
    return {
      update() {
        plot.setData(data());
        host.dataset.days = String(plot.data[0].length);
      },
      resize: (w, h) => plot.setSize({ width: w, height: h }),
      destroy: () => plot.destroy(),
    };
  }, language);
  return <div className="monitor-chart monitor-chart--daily" ref={hostRef} data-testid="daily-energy" />;
}
