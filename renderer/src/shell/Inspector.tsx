// The inspector on the right: properties of what the active area shows.
import { useTranslation } from 'react-i18next';
import { EmptyInspector } from '../features/placeholders/EmptyArea';
import { OptimiseInspector } from '../features/optimizer/OptimiseInspector';
import { PlanInspector } from '../features/planner/PlanInspector';
import { useProject, useUi } from '../state/app-context';

/** Scope, Monitor and Calibrate carry their controls and readings in their own side panels. */
export function hasInspector(area: string): boolean {
  return area === 'plan' || area === 'optimise';
}

export function Inspector() {
  const { t } = useTranslation();
  const area = useUi((s) => s.area);
  const hasProject = useProject((s) => s.info !== null);
  if (!hasInspector(area)) return null;
  return (
    <aside className="inspector" aria-label={t('inspector.label')} data-testid="inspector">
      <header className="inspector__header">{t(`areas.${area}`)}</header>
      <div className="inspector__body">
        {area === 'plan' ? (
          hasProject ? <PlanInspector /> : <p className="inspector__empty">{t('inspector.noProject')}</p>
        ) : area === 'optimise' && hasProject ? (
          <OptimiseInspector />
        ) : (
          <EmptyInspector area={area} />
        )}
      </div>
    </aside>
  );
}
