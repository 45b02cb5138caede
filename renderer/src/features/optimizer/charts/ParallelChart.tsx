// Parallel coordinates of the front (3–4 objectives) on a plain canvas: one axis per objective with
// better up, one line per solution in its run's colour. Hover shows the values, a click chooses.
import { useEffect, useRef } from 'react';
import { frameThrottle } from '../frame-throttle';
import type { OptimizerController } from '../optimizer-controller';
import { commonObjectives, type FrontSeries } from './chart-model';
import type { ChartLabels } from './chart-labels';
import type { ChartTheme } from './chart-theme';
import { distanceToPolyline, parallelLayout, polyline, type ParallelLayout } from './parallel-layout';
import { describePoint, hideTooltip, showTooltip } from './tooltip';

const HOVER_DISTANCE_PX = 6;

interface Props {
  readonly optimizer: OptimizerController;
  readonly theme: ChartTheme;
  readonly labels: ChartLabels;
}

export function ParallelChart({ optimizer, theme, labels }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current!;
    const canvas = canvasRef.current!;
    let series: FrontSeries[] = [];
    let layout: ParallelLayout | null = null;
    let lines: { series: number; point: number; line: { x: number; y: number }[] }[] = [];
    let hovered: { series: number; point: number } | null = null;

    const render = () => {
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (width <= 0 || height <= 0) return;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      series = optimizer.series();
      const objectives = commonObjectives(series);
      layout = parallelLayout(series, objectives, { width, height });
      lines = [];
      series.forEach((s, si) => s.points.forEach((_p, pi) => {
        const line = polyline(layout!, s, pi);
        if (line) lines.push({ series: si, point: pi, line });
      }));
      const ctx = canvas.getContext('2d')!;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = theme.font;
      ctx.lineJoin = 'round';
      // Lines first, the chosen and hovered ones last and thicker so they stay visible.
      const selection = optimizer.store.getState().selection;
      const isSelected = (l: (typeof lines)[number]) => selection !== null && series[l.series]?.runId === selection.runId && l.point === selection.index;
      const isHovered = (l: (typeof lines)[number]) => hovered !== null && l.series === hovered.series && l.point === hovered.point;
      for (const l of lines) {
        if (isSelected(l) || isHovered(l)) continue;
        stroke(ctx, l.line, series[l.series]!.colour, 1.2, series[l.series]!.live ? 0.3 : 0.45);
      }
      for (const l of lines) if (isHovered(l)) stroke(ctx, l.line, series[l.series]!.colour, 2.5, 1);
      for (const l of lines) if (isSelected(l)) stroke(ctx, l.line, theme.text, 3, 1);
      // Axes with their names and end values.
      for (const a of layout.axes) {
        ctx.strokeStyle = theme.axis;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(a.xPx + 0.5, layout.topPx);
        ctx.lineTo(a.xPx + 0.5, layout.bottomPx);
        ctx.stroke();
        ctx.textAlign = 'center';
        ctx.fillStyle = theme.text;
        ctx.font = `600 ${theme.font}`;
        ctx.fillText(labels.objective(a.objective), a.xPx, layout.topPx - 24);
        ctx.font = theme.font;
        ctx.fillStyle = theme.textMuted;
        ctx.fillText(`${labels.value(a.top, a.objective)}  ▲`, a.xPx, layout.topPx - 8);
        ctx.fillText(labels.value(a.bottom, a.objective), a.xPx, layout.bottomPx + 16);
      }
      host.dataset.lines = String(lines.length);
      host.dataset.axes = String(layout.axes.length);
    };

    const hit = (x: number, y: number) => {
      let best: (typeof lines)[number] | null = null;
      let bestD = HOVER_DISTANCE_PX;
      for (const l of lines) {
        const d = distanceToPolyline(l.line, x, y);
        if (d <= bestD) {
          best = l;
          bestD = d;
        }
      }
      return best;
    };

    const onMove = (e: MouseEvent) => {
      const h = hit(e.offsetX, e.offsetY);
      const changed = h?.series !== hovered?.series || h?.point !== hovered?.point;
      hovered = h ? { series: h.series, point: h.point } : null;
      canvas.style.cursor = h ? 'pointer' : 'default';
      if (h) {
        const s = series[h.series]!;
        showTooltip(tooltipRef.current!, describePoint(s, h.point, labels.solution(s, h.point), labels.objective, labels.value, labels.hint(s)), e.offsetX, e.offsetY, {
          width: host.clientWidth,
          height: host.clientHeight,
        });
      } else hideTooltip(tooltipRef.current);
      if (changed) {
        const s = h ? series[h.series] : undefined;
        optimizer.hover(s && s.runId !== null ? { runId: s.runId, index: h!.point } : null);
        render();
      }
    };
    const onLeave = () => {
      hovered = null;
      hideTooltip(tooltipRef.current);
      optimizer.hover(null);
      render();
    };
    const onClick = () => {
      const s = hovered ? series[hovered.series] : undefined;
      if (s && s.runId !== null) optimizer.select({ runId: s.runId, index: hovered!.point });
    };
    canvas.addEventListener('mousemove', onMove);
    canvas.addEventListener('mouseleave', onLeave);
    canvas.addEventListener('click', onClick);

    const throttle = frameThrottle(render);
    render();
    const unsubscribe = optimizer.subscribeSeries(throttle.schedule);
    const unsubscribeSelection = optimizer.store.subscribe((s, prev) => {
      if (s.selection !== prev.selection) throttle.schedule();
    });
    const resize = new ResizeObserver(throttle.schedule);
    resize.observe(host);
    return () => {
      throttle.cancel();
      unsubscribe();
      unsubscribeSelection();
      resize.disconnect();
      canvas.removeEventListener('mousemove', onMove);
      canvas.removeEventListener('mouseleave', onLeave);
      canvas.removeEventListener('click', onClick);
    };
  }, [optimizer, theme, labels]);

  return (
    <div className="chart-frame">
      <div className="chart-host" ref={hostRef} data-testid="parallel-chart">
        <canvas ref={canvasRef} />
      </div>
      <div className="chart-tooltip" ref={tooltipRef} hidden role="tooltip" />
    </div>
  );
}

function stroke(ctx: CanvasRenderingContext2D, line: readonly { x: number; y: number }[], colour: string, width: number, alpha: number): void {
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  line.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.stroke();
  ctx.globalAlpha = 1;
}
