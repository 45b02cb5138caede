// The scope's colours from CSS variables (scope.css, light and dark), read when the chart is made: one
// colour per channel everywhere it appears — trace, axis, info bar, measurement tiles, harmonics bars.
export interface ScopeColours {
  readonly voltage: string;
  readonly current: string;
  readonly power: string;
  readonly trigger: string;
  readonly cursor: string;
  readonly grid: string;
  readonly text: string;
  readonly surface: string;
  readonly font: string;
  readonly fontFamily: string;
}

export function readScopeColours(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): ScopeColours {
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const fontFamily = v('--font-ui', 'system-ui, sans-serif');
  return {
    voltage: v('--scope-voltage', '#c2410c'),
    current: v('--scope-current', '#1d4ed8'),
    power: v('--scope-power', '#7e22ce'),
    trigger: v('--scope-trigger', '#1f8a4c'),
    cursor: v('--scope-cursor', '#374151'),
    grid: v('--scope-grid', '#d5d9df'),
    text: v('--text-muted', '#5a6372'),
    surface: v('--surface', '#ffffff'),
    font: `11px ${fontFamily}`,
    fontFamily,
  };
}
