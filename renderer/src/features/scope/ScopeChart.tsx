// The oscilloscope screen: uPlot with a 10 × 8 division graticule, voltage (left scale), current (right
// scale) and instantaneous power (its own scale, read from the info bar), the trigger's level and time
// marked, and two draggable time cursors. The engine pushes each sweep here through a sink, at most once
// per animation frame; nothing of it goes through React state. The cursor readout is written the same way.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Language } from '../../../../shared/api/app-api';
import { selectResolvedTheme } from '../../state/ui-store';
import { useUi } from '../../state/app-context';
import { useBench } from './bench-services';
import { DIVISIONS_X, DIVISIONS_Y, timeSpanMs, type ScopeSettings } from './engine/scope-settings';
import { valueAt, type Sweep } from './engine/sweep';
import { formatReading } from './measurement-format';
import { readScopeColours, type ScopeColours } from './scope-colours';

/** Pixels within which a press grabs a cursor line. */
const GRAB_PX = 8;

function divisions(min: number, max: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, k) => min + ((max - min) * k) / count);
}

const compact = (v: number) => (Math.abs(v) < 1e-9 ? '0' : Number(v.toPrecision(4)).toString());

export function ScopeChart() {
  const { t } = useTranslation();
  const bench = useBench();
  const theme = useUi(selectResolvedTheme);
  const language = useUi((s) => s.language);
  const hostRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HTMLDivElement>(null);
  const labels = useRef({ a: '', b: '', delta: '', timeAxis: '', language: language as Language });
  labels.current = { a: t('scope.cursors.a'), b: t('scope.cursors.b'), delta: t('scope.cursors.delta'), timeAxis: t('scope.chart.timeAxis'), language };

  useEffect(() => {
    const host = hostRef.current!;
    const colours: ScopeColours = readScopeColours(getComputedStyle(host));
    const settings = () => bench.settings.getState();
    let plot: uPlot | null = null;
    let sweep: Sweep | null = null;
    let drawnFrames = 0;
    let lastIndex = -1;
    let dragging: 'a' | 'b' | null = null;

    const yRange = (perDiv: () => number) => (): uPlot.Range.MinMax => [(-perDiv() * DIVISIONS_Y) / 2, (perDiv() * DIVISIONS_Y) / 2];
    const axis = (scale: string, side: 0 | 1 | 2 | 3, stroke: string, count: number, show = true): uPlot.Axis => ({
      scale,
      side,
      show,
      stroke,
      font: colours.font,
      grid: { show: scale === 'x' || scale === 'V', stroke: colours.grid, width: 1 },
      ticks: { show: true, stroke: colours.grid, width: 1, size: 4 },
      size: scale === 'x' ? 24 : 52,
      ...(scale === 'x' ? { label: labels.current.timeAxis, labelSize: 16, labelFont: colours.font } : {}),
      gap: 3,
      splits: (_u, _i, min, max) => divisions(min, max, count),
      values: (_u, splits) => splits.map(compact),
    });

    /** Trigger level and time, and the cursors, over the traces. */
    const drawOverlay = (u: uPlot) => {
      const s = settings();
      const ctx = u.ctx;
      const { left, top, width, height } = u.bbox;
      const dpr = uPlot.pxRatio;
      ctx.save();
      // Trigger time: a marker on the top edge at t = 0.
      const x0 = u.valToPos(0, 'x', true);
      ctx.fillStyle = colours.trigger;
      ctx.beginPath();
      ctx.moveTo(x0 - 5 * dpr, top);
      ctx.lineTo(x0 + 5 * dpr, top);
      ctx.lineTo(x0, top + 7 * dpr);
      ctx.fill();
      // Trigger level: a dashed line in the trigger channel's colour, with its arrow on the left.
      const scale = s.triggerChannel === 'voltage' ? 'V' : 'A';
      const level = s.triggerChannel === 'voltage' ? s.triggerLevelV : s.triggerLevelA;
      const y = u.valToPos(level, scale, true);
      if (y >= top && y <= top + height) {
        ctx.strokeStyle = s.triggerChannel === 'voltage' ? colours.voltage : colours.current;
        ctx.globalAlpha = 0.7;
        ctx.setLineDash([4 * dpr, 4 * dpr]);
        ctx.lineWidth = dpr;
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + width, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
        ctx.fillStyle = ctx.strokeStyle;
        ctx.beginPath();
        ctx.moveTo(left, y - 5 * dpr);
        ctx.lineTo(left + 7 * dpr, y);
        ctx.lineTo(left, y + 5 * dpr);
        ctx.fill();
      }
      if (s.cursorsOn) {
        ctx.font = `600 ${10 * dpr}px ${colours.fontFamily}`;
        for (const [name, ms] of [['A', s.cursorAMs], ['B', s.cursorBMs]] as const) {
          const x = u.valToPos(ms, 'x', true);
          if (x < left || x > left + width) continue;
          ctx.strokeStyle = colours.cursor;
          ctx.lineWidth = dpr;
          ctx.setLineDash(name === 'A' ? [] : [6 * dpr, 3 * dpr]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = colours.cursor;
          ctx.fillRect(x - 7 * dpr, top + height - 15 * dpr, 14 * dpr, 14 * dpr);
          ctx.fillStyle = colours.surface;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(name, x, top + height - 8 * dpr);
        }
      }
      ctx.restore();
    };

    const make = () => {
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (width <= 0 || height <= 0) return null;
      const s = settings();
      return new uPlot(
        {
          width,
          height,
          cursor: { show: false, drag: { x: false, y: false, setScale: false } },
          select: { show: false, left: 0, top: 0, width: 0, height: 0 },
          legend: { show: false },
          scales: {
            x: { time: false, auto: true, range: (): uPlot.Range.MinMax => { const { preMs, postMs } = timeSpanMs(settings()); return [-preMs, postMs]; } },
            V: { auto: true, range: yRange(() => settings().voltsPerDiv) },
            A: { auto: true, range: yRange(() => settings().ampsPerDiv) },
            W: { auto: true, range: yRange(() => settings().wattsPerDiv) },
          },
          axes: [axis('x', 2, colours.text, DIVISIONS_X), axis('V', 3, colours.voltage, DIVISIONS_Y), axis('A', 1, colours.current, DIVISIONS_Y), axis('W', 1, colours.power, DIVISIONS_Y, false)],
          series: [
            {},
            { label: 'V', scale: 'V', stroke: colours.voltage, width: 1.5, show: s.showVoltage, points: { show: false } },
            { label: 'A', scale: 'A', stroke: colours.current, width: 1.5, show: s.showCurrent, points: { show: false } },
            { label: 'W', scale: 'W', stroke: colours.power, width: 1.25, show: s.showPower, points: { show: false } },
          ],
          hooks: { draw: [drawOverlay] },
        },
        sweep ? [sweep.timeMs, sweep.voltageV, sweep.currentA, sweep.powerW] : [[], [], [], []],
        host,
      );
    };

    const writeReadout = (s: ScopeSettings) => {
      const el = readoutRef.current;
      if (!el) return;
      el.hidden = !s.cursorsOn;
      if (!s.cursorsOn) return;
      const { a, b, delta, language: lang } = labels.current;
      const at = (ms: number) => {
        const v = sweep ? valueAt(sweep, 'voltageV', ms) : null;
        const i = sweep ? valueAt(sweep, 'currentA', ms) : null;
        return { v, i, text: `${formatReading(ms, 'ms', lang)} · ${formatReading(v, 'V', lang)} · ${formatReading(i, 'A', lang)}` };
      };
      const ra = at(s.cursorAMs);
      const rb = at(s.cursorBMs);
      const dt = s.cursorBMs - s.cursorAMs;
      const dv = ra.v !== null && rb.v !== null ? rb.v - ra.v : null;
      const di = ra.i !== null && rb.i !== null ? rb.i - ra.i : null;
      const hz = Math.abs(dt) > 1e-9 ? 1000 / Math.abs(dt) : null;
      el.querySelector('[data-cursor="a"]')!.textContent = `${a} ${ra.text}`;
      el.querySelector('[data-cursor="b"]')!.textContent = `${b} ${rb.text}`;
      el.querySelector('[data-cursor="delta"]')!.textContent = `${delta} Δt ${formatReading(dt, 'ms', lang)} (${formatReading(hz, 'Hz', lang)}) · ΔV ${formatReading(dv, 'V', lang)} · ΔI ${formatReading(di, 'A', lang)}`;
    };

    const render = () => {
      const s = settings();
      if (!plot) plot = make();
      if (!plot) return;
      const shown = [s.showVoltage, s.showCurrent, s.showPower];
      shown.forEach((show, k) => {
        if (plot!.series[k + 1].show !== show) plot!.setSeries(k + 1, { show });
      });
      plot.setData(sweep ? [sweep.timeMs, sweep.voltageV, sweep.currentA, sweep.powerW] : [[], [], [], []], true);
      writeReadout(s);
    };

    const detach = bench.engine.attach({
      clear() {
        sweep = null;
        render();
        host.dataset.triggered = 'false';
      },
      draw(next) {
        sweep = next;
        render();
        if (next.lastIndex !== lastIndex) {
          lastIndex = next.lastIndex;
          drawnFrames++;
          // For tests and the benchmark: what was just drawn, readable from the page.
          const first = next.timeMs.findIndex((ms) => ms >= 0);
          host.dataset.frames = String(drawnFrames);
          host.dataset.triggered = String(next.triggered);
          host.dataset.firstAfterTriggerV = first >= 0 && next.voltageV[first] !== null ? next.voltageV[first]!.toFixed(3) : '';
          host.dataset.firstAfterTriggerMs = first >= 0 ? next.timeMs[first].toFixed(5) : '';
        }
      },
    });

    const resize = new ResizeObserver(() => {
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (width <= 0 || height <= 0) return;
      if (plot) plot.setSize({ width, height });
      else render();
    });
    resize.observe(host);
    render();

    // Cursors: press near one of the two lines and drag it.
    const toMs = (e: PointerEvent) => plot!.posToVal(e.clientX - plot!.over.getBoundingClientRect().left, 'x');
    const onDown = (e: PointerEvent) => {
      const s = settings();
      if (!plot || !s.cursorsOn) return;
      const xPx = e.clientX - plot.over.getBoundingClientRect().left;
      const da = Math.abs(plot.valToPos(s.cursorAMs, 'x') - xPx);
      const db = Math.abs(plot.valToPos(s.cursorBMs, 'x') - xPx);
      if (Math.min(da, db) > GRAB_PX) return;
      dragging = da <= db ? 'a' : 'b';
      (e.target as Element).setPointerCapture?.(e.pointerId);
      e.preventDefault();
    };
    const onMove = (e: PointerEvent) => {
      if (!plot) return;
      const s = settings();
      if (dragging) {
        const { preMs, postMs } = timeSpanMs(s);
        const ms = Math.min(postMs, Math.max(-preMs, toMs(e)));
        bench.settings.getState().set(dragging === 'a' ? { cursorAMs: ms } : { cursorBMs: ms });
        return;
      }
      const xPx = e.clientX - plot.over.getBoundingClientRect().left;
      const near = s.cursorsOn && Math.min(Math.abs(plot.valToPos(s.cursorAMs, 'x') - xPx), Math.abs(plot.valToPos(s.cursorBMs, 'x') - xPx)) <= GRAB_PX;
      plot.over.style.cursor = near ? 'ew-resize' : '';
    };
    const onUp = () => (dragging = null);
    host.addEventListener('pointerdown', onDown);
    host.addEventListener('pointermove', onMove);
    host.addEventListener('pointerup', onUp);
    host.addEventListener('pointercancel', onUp);

    return () => {
      detach();
      resize.disconnect();
      host.removeEventListener('pointerdown', onDown);
      host.removeEventListener('pointermove', onMove);
      host.removeEventListener('pointerup', onUp);
      host.removeEventListener('pointercancel', onUp);
      plot?.destroy();
    };
  }, [bench, theme, language]);

  return (
    <div className="scope-screen">
      <div className="scope-plot" ref={hostRef} data-testid="scope-plot" aria-label={t('scope.chart.label')} role="img" />
      <div className="scope-cursor-readout" ref={readoutRef} data-testid="cursor-readout" hidden>
        <span data-cursor="a" />
        <span data-cursor="b" />
        <span data-cursor="delta" data-testid="cursor-delta" />
      </div>
    </div>
  );
}
