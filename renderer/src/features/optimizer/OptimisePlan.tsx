// The plan beside the charts, read-only: the planner's canvas showing the floor with the previewed
// solution in place of the devices it would replace, so clicking a point shows that solution here.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useProject, useUi } from '../../state/app-context';
import { selectResolvedTheme } from '../../state/ui-store';
import { readCanvasPalette } from '../planner/canvas/canvas-palette';
import { PlanStage } from '../planner/canvas/PlanStage';
import { buildPlanScene } from '../planner/canvas/scene';
import { previewStore } from './preview-store';
import { snapshotWithPreview } from './preview-plan';

export function OptimisePlan() {
  const { t } = useTranslation();
  const snapshot = useProject((s) => s.snapshot);
  const floorId = useProject((s) => s.activeFloorId);
  const path = useProject((s) => s.info?.path ?? '');
  const theme = useUi(selectResolvedTheme);
  const language = useUi((s) => s.language);
  const preview = useStore(previewStore, (s) => s.preview);

  const scene = useMemo(
    () => (snapshot && floorId !== null ? buildPlanScene(snapshotWithPreview(snapshot, floorId, preview), floorId) : null),
    [snapshot, floorId, preview],
  );
  const palette = useMemo(() => {
    void theme;
    return readCanvasPalette(getComputedStyle(document.documentElement));
  }, [theme]);

  if (!scene) return <div className="optimise-plan__empty">{t('optimizer.plan.noFloor')}</div>;
  return (
    <div className={`optimise-plan${preview ? ' is-preview' : ''}`} data-testid="optimise-plan" data-preview={preview ? `${preview.runId}:${preview.index}` : ''}>
      {preview && (
        <span className="optimise-plan__badge" data-testid="preview-badge">
          {t('optimizer.plan.previewBadge')}
        </span>
      )}
      <PlanStage key={`${path}#${scene.floor.id}`} scene={scene} palette={palette} language={language} />
    </div>
  );
}
