// The placement's objective values, live: recomputed by the live plan after every edit and on every
// frame of a drag, and written into the DOM through refs (not React state) as they arrive.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/api/app-api';
import { formatNumber } from '../../../i18n/format';
import { useUi } from '../../../state/app-context';
import { useStore } from 'zustand';
import { previewStore } from '../../optimizer/preview-store';
import { livePlan } from '../live/live-plan';
import { useLiveValue } from '../live/use-live-value';
import type { PlacementMetrics } from '../overlays/placement-metrics';

type Key = 'cost' | 'coverage' | 'overCoverage' | 'connectivity' | 'devices';

export function metricTexts(m: PlacementMetrics, language: Language, none: string): Record<Key, string> {
  const pct = (v: number | null) => (v === null ? none : `${formatNumber(v, language, 1)}\u00a0%`);
  return {
    cost: m.cost === null ? none : formatNumber(m.cost, language, 2),
    coverage: pct(m.coveragePct),
    overCoverage: pct(m.overCoveragePct),
    connectivity: pct(m.connectivityPct),
    devices: `${m.sensorCount} + ${m.routerCount}`,
  };
}

const ROWS: readonly { key: Key; testId: string }[] = [
  { key: 'devices', testId: 'metric-devices' },
  { key: 'cost', testId: 'metric-cost' },
  { key: 'coverage', testId: 'metric-coverage' },
  { key: 'overCoverage', testId: 'metric-over-coverage' },
  { key: 'connectivity', testId: 'metric-connectivity' },
];

export function MetricsPanel() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const previewing = useStore(previewStore, (s) => s.preview !== null);
  const measure = useLiveValue((r) => r?.metrics.connectivityMeasure ?? 'area');
  const cells = useRef<Partial<Record<Key, HTMLElement | null>>>({});

  useEffect(() => {
    const none = t('planner.metrics.none');
    const write = () => {
      const r = livePlan.current;
      if (!r) return;
      const texts = metricTexts(r.metrics, language, none);
      for (const { key } of ROWS) {
        const el = cells.current[key];
        if (el && el.textContent !== texts[key]) el.textContent = texts[key];
      }
    };
    write();
    return livePlan.subscribe(write);
  }, [language, t]);

  return (
    <section className="inspector__section" data-testid="plan-metrics">
      <h2 className="section-title">{previewing ? t('planner.metrics.previewTitle') : t('planner.metrics.title')}</h2>
      <dl className="props">
        {ROWS.map(({ key, testId }) => (
          <FragmentRow key={key} label={key === 'connectivity' ? t(`planner.metrics.connectivity_${measure}`) : t(`planner.metrics.${key}`)}>
            <dd data-testid={testId} ref={(el) => void (cells.current[key] = el)} />
          </FragmentRow>
        ))}
      </dl>
    </section>
  );
}

function FragmentRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      {children}
    </>
  );
}
