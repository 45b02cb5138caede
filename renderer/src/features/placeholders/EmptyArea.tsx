// The areas later issues fill: what will be here, and what it needs, instead of a blank page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../state/ui-store';
import { CalibrateIcon, MonitorIcon, OptimiseIcon, ScopeIcon } from '../../ui/icons';

type PlaceholderArea = Exclude<Area, 'plan'>;

const ICONS: Record<PlaceholderArea, ReactNode> = {
  optimise: <OptimiseIcon size={40} />,
  scope: <ScopeIcon size={40} />,
  calibrate: <CalibrateIcon size={40} />,
  monitor: <MonitorIcon size={40} />,
};

/** How many bullet points each area's empty state lists (keys empty.<area>.points.0 …). */
const POINTS = 3;

export function EmptyArea({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  return (
    <section className="empty-area" data-testid={`empty-${area}`}>
      <div className="empty-area__icon">{ICONS[area]}</div>
      <h1 className="empty-area__title">{t(`empty.${area}.title`)}</h1>
      <p className="empty-area__body">{t(`empty.${area}.body`)}</p>
      <ul className="empty-area__points">
        {Array.from({ length: POINTS }, (_, i) => (
          <li key={i}>{t(`empty.${area}.points.${i}`)}</li>
        ))}
      </ul>
    </section>
  );
}

export function EmptyInspector({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  return <p className="inspector__empty">{t(`empty.${area}.inspector`)}</p>;
}
