// Chart chrome colours from the theme's CSS variables (styles/tokens.css), read again when the theme
// changes; the data colours (algorithms, objectives) come from theme/palette.ts.
export interface ChartTheme {
  readonly text: string;
  readonly textMuted: string;
  readonly grid: string;
  readonly axis: string;
  readonly surface: string;
  readonly accent: string;
  readonly font: string;
}

export function readChartTheme(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): ChartTheme {
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const family = v('--font-ui', 'system-ui, sans-serif');
  return {
    text: v('--text', '#1c2230'),
    textMuted: v('--text-muted', '#5a6372'),
    grid: v('--border', '#d5d9df'),
    axis: v('--border-strong', '#b8bec7'),
    surface: v('--surface', '#ffffff'),
    accent: v('--accent', '#2463d1'),
    font: `11px ${family}`,
  };
}
