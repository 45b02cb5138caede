// The overlays' legend, floating over the canvas: a switch per overlay and, for those shown, what their
// colours mean — detection counts or probabilities, the received-power scale in dBm, link margins.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { COVERAGE_COLOURS } from '../../../../../shared/plan-render/palette';
import { formatNumber } from '../../../i18n/format';
import { useUi } from '../../../state/app-context';
import { editorStore, toggleOverlay } from '../editor/editor-store';
import { useLiveValue } from '../live/use-live-value';
import { MARGIN_COLOURS, OVER_COVERAGE_COLOUR, POWER_MAX_DBM, POWER_MIN_DBM, PROBABILITY_COLOURS, powerGradientCss } from '../overlays/colour-scales';
import { OVERLAY_KINDS } from '../overlays/overlay-engine';

const POWER_TICKS_DBM = [-100, -80, -60];

export function OverlayLegend() {
  const { t } = useTranslation();
  const overlays = useStore(editorStore, (s) => s.overlays);
  const open = useStore(editorStore, (s) => s.legendOpen);
  const shown = OVERLAY_KINDS.filter((k) => overlays[k]).length;
  return (
    <section className="plan-float plan-legend" aria-label={t('planner.legend.title')} data-testid="overlay-legend">
      <button
        type="button"
        className="plan-float__title plan-legend__toggle"
        aria-expanded={open}
        onClick={() => editorStore.setState({ legendOpen: !open })}
        data-testid="overlay-legend-toggle"
      >
        <span>
          {t('planner.legend.title')}
          {shown > 0 && <span className="plan-legend__count">{shown}</span>}
        </span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <ul className="plan-legend__list">
          {OVERLAY_KINDS.map((kind) => (
            <li key={kind}>
              <label className="plan-legend__switch">
                <input type="checkbox" checked={overlays[kind]} onChange={() => toggleOverlay(editorStore, kind)} data-testid={`overlay-toggle-${kind}`} />
                {t(`planner.overlays.${kind}`)}
              </label>
              {overlays[kind] && <Scale kind={kind} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Swatches({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <ul className="plan-legend__swatches">
      {items.map(([colour, label]) => (
        <li key={label}>
          <span className="plan-legend__swatch" style={{ background: colour }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

function Scale({ kind }: { kind: (typeof OVERLAY_KINDS)[number] }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const probabilistic = useLiveValue((r) => r?.coverage.probabilistic ?? false);
  const threshold = useLiveValue((r) => r?.threshold ?? 0.9);
  const assumed = useLiveValue((r) => r?.power?.assumed ?? false);
  const coarse = useLiveValue((r) => (r?.statics.coarsened ? r.statics.pitchM : null));
  const pct = (v: number) => `${formatNumber(v * 100, language, 0)} %`;
  switch (kind) {
    case 'coverage':
      return probabilistic ? (
        <Swatches
          items={[
            [PROBABILITY_COLOURS[0], `< ${pct(0.25)}`],
            [PROBABILITY_COLOURS[1], `${pct(0.25)} – ${pct(0.5)}`],
            [PROBABILITY_COLOURS[2], `${pct(0.5)} – ${pct(0.75)}`],
            [PROBABILITY_COLOURS[3], `${pct(0.75)} – ${pct(threshold)}`],
            [PROBABILITY_COLOURS[4], t('planner.legend.covered', { threshold: pct(threshold) })],
          ]}
        />
      ) : (
        <>
          <Swatches items={COVERAGE_COLOURS.map((c, i) => [c, t(`planner.legend.count${i}`)] as const)} />
          {coarse !== null && <p className="plan-legend__note">{t('planner.legend.coarse', { pitch: formatNumber(coarse, language, 2) })}</p>}
        </>
      );
    case 'power':
      return (
        <div className="plan-legend__power" data-testid="power-scale">
          <div className="plan-legend__gradient" style={{ background: powerGradientCss() }} />
          <div className="plan-legend__ticks">
            {POWER_TICKS_DBM.map((v) => (
              <span key={v} style={{ left: `${(100 * (v - POWER_MIN_DBM)) / (POWER_MAX_DBM - POWER_MIN_DBM)}%` }}>
                {formatNumber(v, language, 0)}
              </span>
            ))}
            {[POWER_MAX_DBM].map((v) => (
              <span key="unit" className="plan-legend__unit" style={{ left: '100%' }}>
                {formatNumber(v, language, 0)} dBm
              </span>
            ))}
          </div>
          <p className="plan-legend__note">{t('planner.legend.powerUnit')}</p>
          {assumed && <p className="plan-legend__note">{t('planner.legend.powerAssumed')}</p>}
        </div>
      );
    case 'overCoverage':
      return <Swatches items={[[OVER_COVERAGE_COLOUR, t('planner.legend.over')]]} />;
    case 'links':
      return (
        <Swatches
          items={[
            [MARGIN_COLOURS.strong, t('planner.legend.marginStrong')],
            [MARGIN_COLOURS.fair, t('planner.legend.marginFair')],
            [MARGIN_COLOURS.weak, t('planner.legend.marginWeak')],
            [MARGIN_COLOURS.failing, t('planner.legend.marginFailing')],
          ]}
        />
      );
    case 'poi':
      return <Swatches items={[[MARGIN_COLOURS.failing, t('planner.legend.poi')]]} />;
  }
}
