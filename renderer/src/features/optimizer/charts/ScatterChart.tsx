// The Pareto front on two objectives (uPlot, faceted mode: each run its own x and y), several runs
// overlaid. Fronts arrive at event rate: they are pushed into uPlot from the controller once per frame,
// never through React state. Hover shows a point's objective values; a click chooses the solution.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { frameThrottle } from '../frame-throttle';
import type { OptimizerController } from '../optimizer-controller';
import { nearest, paddedRange, project, type Candidate, type FrontSeries } from './chart-model';
import type { ChartLabels } from './chart-labels';
import type { ChartTheme } from './chart-theme';
import { addMarker } from './markers';
import { describePoint, hideTooltip, showTooltip } from './tooltip';

const MARKER_RADIUS_PX = 5;
/** Tick steps for counts (a cost of 3 sensors and 2 routers is 5 units, never 4.6). */
const INTEGER_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
const HOVER_DISTANCE_PX = 10;

interface Props {
  readonly optimizer: OptimizerController;
  readonly x: FrontSeries['objectives'][number];
  readonly y: FrontSeries['objectives'][number];
  readonly theme: ChartTheme;
  readonly labels: ChartLabels;
}

type Projection = ReturnType<typeof project>;

export function ScatterChart({ optimizer, x, y, theme, labels }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current!;
    let plot: uPlot | null = null;
    let signature = '';
    let drawn: FrontSeries[] = [];
    let projections: Projection[] = [];
    let hovered: Candidate | null = null;

    const candidates = function* (): Generator<Candidate> {
      if (!plot) return;
      for (let s = 0; s < projections.length; s++) {
        const p = projections[s]!;
        for (let i = 0; i < p.xs.length; i++) {
          yield { series: s, point: p.index[i]!, xPx: plot.valToPos(p.xs[i]!, 'x'), yPx: plot.valToPos(p.ys[i]!, 'y') };
        }
      }
    };

    const ringAt = (u: uPlot, seriesIdx: number, point: number, colour: string, widthPx: number) => {
      const p = projections[seriesIdx];
      const k = p?.index.indexOf(point) ?? -1;
      if (!p || k < 0) return;
      const ratio = uPlot.pxRatio;
      const cx = u.valToPos(p.xs[k]!, 'x', true);
      const cy = u.valToPos(p.ys[k]!, 'y', true);
      u.ctx.save();
      u.ctx.beginPath();
      u.ctx.arc(cx, cy, (MARKER_RADIUS_PX + 4) * ratio, 0, 2 * Math.PI);
      u.ctx.lineWidth = widthPx * ratio;
      u.ctx.strokeStyle = colour;
      u.ctx.stroke();
      u.ctx.restore();
    };

    const drawMarkers: uPlot.Series.PathBuilder = (u, seriesIdx) => {
      const s = drawn[seriesIdx - 1];
      const p = projections[seriesIdx - 1];
      if (!s || !p) return null;
      const ratio = uPlot.pxRatio;
      const path = new Path2D();
      for (let i = 0; i < p.xs.length; i++) addMarker(path, s.shape, u.valToPos(p.xs[i]!, 'x', true), u.valToPos(p.ys[i]!, 'y', true), MARKER_RADIUS_PX * ratio);
      const ctx = u.ctx;
      ctx.save();
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
      // A light fill and a solid outline: where runs find the same solutions, their shapes overlap
      // and each stays visible.
      ctx.globalAlpha = s.live ? 0.2 : 0.3;
      ctx.fillStyle = s.colour;
      ctx.fill(path);
      ctx.globalAlpha = s.live ? 0.7 : 1;
      ctx.lineWidth = 1.6 * ratio;
      ctx.strokeStyle = s.colour;
      ctx.stroke(path);
      ctx.restore();
      return null;
    };

    const integral = (axis: 'xs' | 'ys') => projections.length > 0 && projections.every((p) => p[axis].every(Number.isInteger));
    const options = (width: number, height: number): uPlot.Options => ({
      mode: 2,
      width,
      height,
      legend: { show: false },
      cursor: { show: false, drag: { x: false, y: false, setScale: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: (_u, min, max) => paddedRange(min, max) },
        y: { range: (_u, min, max) => paddedRange(min, max) },
      },
      axes: [
        {
          label: labels.axis(x),
          stroke: theme.textMuted,
          font: theme.font,
          labelFont: `600 ${theme.font}`,
          grid: { stroke: theme.grid, width: 1 },
          ticks: { stroke: theme.axis, width: 1 },
          ...(integral('xs') ? { incrs: INTEGER_INCRS } : {}),
        },
        {
          label: labels.axis(y),
          stroke: theme.textMuted,
          font: theme.font,
          labelFont: `600 ${theme.font}`,
          grid: { stroke: theme.grid, width: 1 },
          ticks: { stroke: theme.axis, width: 1 },
          size: 52,
          ...(integral('ys') ? { incrs: INTEGER_INCRS } : {}),
        },
      ],
      series: [
        {},
        ...drawn.map((s) => ({
          label: labels.series(s),
          stroke: s.colour,
          fill: s.colour,
          paths: drawMarkers,
          points: { show: false },
          facets: [
            { scale: 'x', auto: true },
            { scale: 'y', auto: true },
          ],
        })),
      ] as uPlot.Series[],
      hooks: {
        draw: [
          (u) => {
            // Where the choosable points are, in pixels of the chart's box: for automation and tests
            // (uPlot's scales are settled only once it has drawn).
            const px: string[] = [];
            projections.forEach((p, si) => {
              if (drawn[si]?.runId === null) return;
              for (let i = 0; i < p.xs.length && px.length < 400; i++) {
                px.push(`${Math.round(u.valToPos(p.xs[i]!, 'x') + u.over.offsetLeft)},${Math.round(u.valToPos(p.ys[i]!, 'y') + u.over.offsetTop)}`);
              }
            });
            host.dataset.choosablePx = px.join(';');
            const sel = optimizer.store.getState().selection;
            if (sel) {
              const s = drawn.findIndex((d) => d.runId === sel.runId);
              if (s >= 0) ringAt(u, s, sel.index, theme.text, 2);
            }
            if (hovered) ringAt(u, hovered.series, hovered.point, drawn[hovered.series]?.colour ?? theme.text, 1.5);
          },
        ],
      },
    });

    const dataOf = (): uPlot.AlignedData => [null, ...projections.map((p) => [p.xs, p.ys])] as unknown as uPlot.AlignedData;

    const render = () => {
      drawn = optimizer.series();
      projections = drawn.map((s) => project(s, x.name, y.name));
      const width = host.clientWidth;
      const height = host.clientHeight;
      // uPlot's faceted mode needs at least one series; with none the view shows its empty state.
      if (width <= 0 || height <= 0 || drawn.length === 0) {
        plot?.destroy();
        plot = null;
        host.dataset.points = '0';
        host.dataset.series = '0';
        return;
      }
      const sig = `${drawn.map((s) => `${s.key}/${s.shape}`).join('|')}@${width}x${height}`;
      if (!plot || sig !== signature) {
        plot?.destroy();
        plot = new uPlot(options(width, height), dataOf(), host);
        signature = sig;
        bindPointer(plot);
      } else {
        plot.setData(dataOf());
      }
      const points = projections.reduce((n, p) => n + p.xs.length, 0);
      host.dataset.points = String(points);
      host.dataset.series = String(drawn.length);
      host.dataset.live = String(drawn.filter((d) => d.live).length);
    };

    const bindPointer = (u: uPlot) => {
      const over = u.over;
      over.addEventListener('mousemove', (e) => {
        const hit = nearest(candidates(), e.offsetX, e.offsetY, HOVER_DISTANCE_PX);
        const changed = hit?.series !== hovered?.series || hit?.point !== hovered?.point;
        hovered = hit;
        over.style.cursor = hit ? 'pointer' : 'default';
        if (!hit) {
          hideTooltip(tooltipRef.current);
          if (changed) optimizer.hover(null);
        } else {
          const s = drawn[hit.series]!;
          const box = { width: host.clientWidth, height: host.clientHeight };
          const left = hit.xPx + over.offsetLeft;
          const top = hit.yPx + over.offsetTop;
          showTooltip(tooltipRef.current!, describePoint(s, hit.point, labels.solution(s, hit.point), labels.objective, labels.value, labels.hint(s)), left, top, box);
          if (changed) optimizer.hover(s.runId === null ? null : { runId: s.runId, index: hit.point });
        }
        if (changed) u.redraw(false);
      });
      over.addEventListener('mouseleave', () => {
        hovered = null;
        hideTooltip(tooltipRef.current);
        optimizer.hover(null);
        u.redraw(false);
      });
      over.addEventListener('click', () => {
        if (!hovered) return;
        const s = drawn[hovered.series]!;
        if (s.runId !== null) optimizer.select({ runId: s.runId, index: hovered.point });
      });
    };

    const throttle = frameThrottle(render);
    render();
    const unsubscribe = optimizer.subscribeSeries(throttle.schedule);
    const unsubscribeSelection = optimizer.store.subscribe((s, prev) => {
      if (s.selection !== prev.selection) plot?.redraw(false);
    });
    const resize = new ResizeObserver(throttle.schedule);
    resize.observe(host);
    return () => {
      throttle.cancel();
      unsubscribe();
      unsubscribeSelection();
      resize.disconnect();
      plot?.destroy();
      hideTooltip(tooltipRef.current);
    };
  }, [optimizer, x, y, theme, labels]);

  return (
    <div className="chart-frame">
      <div className="chart-host" ref={hostRef} data-testid="pareto-scatter" />
      <div className="chart-tooltip" ref={tooltipRef} hidden role="tooltip" data-testid="chart-tooltip" />
    </div>
  );
}
