// Hypervolume per generation (convergence), one line per run in its algorithm's colour: a run that has
// converged goes flat. Live runs add a point at each progress event; stored runs have every generation.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { frameThrottle } from '../frame-throttle';
import type { OptimizerController } from '../optimizer-controller';
import { convergenceData, paddedRange, type FrontSeries } from './chart-model';
import type { ChartLabels } from './chart-labels';
import type { ChartTheme } from './chart-theme';

interface Props {
  readonly optimizer: OptimizerController;
  readonly theme: ChartTheme;
  readonly labels: ChartLabels;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatHypervolume: (v: number) => string;
}

const DASHES: readonly (number[] | undefined)[] = [undefined, [6, 3], [2, 3], [8, 3, 2, 3]];

export function ConvergenceChart({ optimizer, theme, labels, xLabel, yLabel, formatHypervolume }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current!;
    let plot: uPlot | null = null;
    let signature = '';

    const render = () => {
      const series: FrontSeries[] = optimizer.series();
      const { generations, values } = convergenceData(series);
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (width <= 0 || height <= 0) return;
      const data = [generations, ...values] as uPlot.AlignedData;
      // The legend below the plot takes about 28 px per line of runs.
      const legendPx = 30;
      const sig = `${series.map((s) => `${s.key}/${s.shape}`).join('|')}@${width}x${height}`;
      if (!plot || sig !== signature) {
        plot?.destroy();
        signature = sig;
        plot = new uPlot(
          {
            width,
            height: Math.max(120, height - legendPx),
            cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 7 } },
            select: { show: false, left: 0, top: 0, width: 0, height: 0 },
            legend: { show: true, live: true },
            scales: { x: { time: false }, y: { range: (_u, min, max) => paddedRange(min, max) } },
            axes: [
              { label: xLabel, stroke: theme.textMuted, font: theme.font, labelFont: `600 ${theme.font}`, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1 } },
              {
                label: yLabel,
                stroke: theme.textMuted,
                font: theme.font,
                labelFont: `600 ${theme.font}`,
                grid: { stroke: theme.grid, width: 1 },
                ticks: { stroke: theme.axis, width: 1 },
                size: 60,
                values: (_u, splits) => splits.map((v) => formatHypervolume(v)),
              },
            ],
            series: [
              { label: xLabel },
              ...series.map((s, i) => ({
                label: labels.series(s),
                stroke: s.colour,
                width: 1.75,
                dash: DASHES[series.slice(0, i).filter((o) => o.algorithm === s.algorithm).length % DASHES.length],
                spanGaps: true,
                points: { show: (u: uPlot) => (u.data[0]?.length ?? 0) < 40, size: 5 },
                value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatHypervolume(v)),
              })),
            ] as uPlot.Series[],
          },
          data,
          host,
        );
      } else {
        plot.setData(data);
      }
      host.dataset.generations = String(generations.length);
      host.dataset.series = String(series.length);
    };

    const throttle = frameThrottle(render);
    render();
    const unsubscribe = optimizer.subscribeSeries(throttle.schedule);
    const resize = new ResizeObserver(throttle.schedule);
    resize.observe(host);
    return () => {
      throttle.cancel();
      unsubscribe();
      resize.disconnect();
      plot?.destroy();
    };
  }, [optimizer, theme, labels, xLabel, yLabel, formatHypervolume]);

  return (
    <div className="chart-frame">
      <div className="chart-host chart-host--with-legend" ref={hostRef} data-testid="convergence-chart" />
    </div>
  );
}
