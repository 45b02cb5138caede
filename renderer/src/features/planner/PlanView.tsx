// The Plan area's main view: the floor-plan editor. The toolbar above, the canvas with its overlay
// legend and, while calibrating, the distance prompt; a floor switcher when the building has several.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useProject, useUi } from '../../state/app-context';
import { selectResolvedTheme } from '../../state/ui-store';
import { CalibrationPanel } from './calibration/CalibrationPanel';
import { readCanvasPalette } from './canvas/canvas-palette';
import { PlanStage } from './canvas/PlanStage';
import { buildPlanScene } from './canvas/scene';
import { usePlanKeys } from './editor/use-plan-keys';
import { OverlayLegend } from './legend/OverlayLegend';
import './planner.css';
import { PlanToolbar } from './toolbar/PlanToolbar';
import { useLivePlan } from './use-live-plan';

export function PlanView() {
  const { t } = useTranslation();
  const { project } = useApp();
  const snapshot = useProject((s) => s.snapshot);
  const floorId = useProject((s) => s.activeFloorId);
  const path = useProject((s) => s.info?.path ?? '');
  const theme = useUi(selectResolvedTheme);
  const language = useUi((s) => s.language);
  usePlanKeys();
  const devices = useLivePlan(snapshot, floorId, path);

  const scene = useMemo(() => (snapshot && floorId !== null ? buildPlanScene(snapshot, floorId) : null), [snapshot, floorId]);
  // Canvas chrome colours follow the theme's CSS variables, read again when the theme changes.
  const palette = useMemo(() => {
    void theme;
    return readCanvasPalette(getComputedStyle(document.documentElement));
  }, [theme]);

  if (!snapshot) return <div className="loading">{t('common.loading')}</div>;
  if (!scene) {
    return (
      <section className="empty-area">
        <h1 className="empty-area__title">{t('plan.noFloorTitle')}</h1>
        <p className="empty-area__body">{t('plan.noFloorBody')}</p>
      </section>
    );
  }
  return (
    <div className="plan-view">
      {snapshot.floors.length > 1 && (
        <div className="floor-tabs" role="tablist" aria-label={t('plan.floors')}>
          {[...snapshot.floors]
            .sort((a, b) => a.level - b.level)
            .map((f) => (
              <button key={f.id} type="button" role="tab" aria-selected={f.id === floorId} className={`floor-tab${f.id === floorId ? ' is-active' : ''}`} onClick={() => project.setActiveFloor(f.id)}>
                {f.name}
              </button>
            ))}
        </div>
      )}
      <PlanToolbar />
      <div className="plan-view__canvas">
        {scene.walls.length === 0 && scene.devices.length === 0 && !scene.floor.plan && (
          <p className="plan-view__hint" data-testid="plan-empty-hint">
            {t('planner.emptyFloor')}
          </p>
        )}
        {/* A new file or floor starts with a fresh, fitted view. */}
        <PlanStage key={`${path}#${scene.floor.id}`} scene={scene} devices={devices} palette={palette} language={language} />
        <OverlayLegend />
        <CalibrationPanel plan={scene.floor.plan} />
      </div>
    </div>
  );
}
