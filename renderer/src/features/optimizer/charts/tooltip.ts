// The hover tooltip of the Pareto views, written straight into its DOM node (it moves at mouse rate).
import type { FrontSeries } from './chart-model';

export interface TooltipContent {
  readonly title: string;
  readonly colour: string;
  readonly rows: readonly { label: string; value: string }[];
  readonly hint: string | null;
}

export function describePoint(
  series: FrontSeries,
  point: number,
  title: string,
  labelOf: (o: FrontSeries['objectives'][number]) => string,
  formatValue: (value: number, o: FrontSeries['objectives'][number]) => string,
  hint: string | null,
): TooltipContent {
  const values = series.points[point] ?? [];
  return {
    title,
    colour: series.colour,
    rows: series.objectives.map((o, i) => ({ label: labelOf(o), value: formatValue(values[i]!, o) })),
    hint,
  };
}

/** Fills and places the tooltip near (xPx, yPx) of its container, flipping to stay inside it. */
export function showTooltip(el: HTMLElement, content: TooltipContent, xPx: number, yPx: number, box: { width: number; height: number }): void {
  el.replaceChildren();
  const head = document.createElement('div');
  head.className = 'chart-tooltip__title';
  const swatch = document.createElement('span');
  swatch.className = 'chart-tooltip__swatch';
  swatch.style.background = content.colour;
  head.append(swatch, content.title);
  el.append(head);
  const table = document.createElement('dl');
  for (const r of content.rows) {
    const dt = document.createElement('dt');
    dt.textContent = r.label;
    const dd = document.createElement('dd');
    dd.textContent = r.value;
    table.append(dt, dd);
  }
  el.append(table);
  if (content.hint) {
    const hint = document.createElement('div');
    hint.className = 'chart-tooltip__hint';
    hint.textContent = content.hint;
    el.append(hint);
  }
  el.hidden = false;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = xPx + 14 + w > box.width ? Math.max(0, xPx - 14 - w) : xPx + 14;
  const top = Math.min(Math.max(0, yPx - h / 2), Math.max(0, box.height - h));
  el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

export function hideTooltip(el: HTMLElement | null): void {
  if (el) el.hidden = true;
}
