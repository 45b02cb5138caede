// The inspector on the right: properties of what the active area shows.
import { useTranslation } from 'react-i18next';
import { EmptyInspector } from '../features/placeholders/EmptyArea';
import { OptimiseInspector } from '../features/optimizer/OptimiseInspector';
import { PlanInspector } from '../features/planner/PlanInspector';
import { useProject, useUi } from '../state/app-context';

export function Inspector() {
  const { t } = useTranslation();
  const area = useUi((s) => s.area);
  const hasProject = useProject((s) => s.info !== null);
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
