// The centre of the window: the active area's view, or the welcome screen when it needs a project.
import { useTranslation } from 'react-i18next';
import { CalibrateView } from '../features/calibration/CalibrateView';
import { EmptyArea } from '../features/placeholders/EmptyArea';
import { ExportDialogHost } from '../features/optimizer/export/ExportDialog';
import { OptimiseView } from '../features/optimizer/OptimiseView';
import { PlanView } from '../features/planner/PlanView';
import { MonitorView } from '../features/monitor/MonitorView';
import { ScopeView } from '../features/scope/ScopeView';
import { WelcomeScreen } from '../features/project/WelcomeScreen';
import { useProject, useUi } from '../state/app-context';

export function MainView() {
  const { t } = useTranslation();
  const area = useUi((s) => s.area);
  const loaded = useProject((s) => s.loaded);
  const hasProject = useProject((s) => s.info !== null);
  const needsProject = area === 'plan' || area === 'optimise' || area === 'monitor';
  return (
    <main className="main-view" data-area={area}>
      {!loaded ? (
        <div className="loading">{t('common.loading')}</div>
      ) : needsProject && !hasProject ? (
        <WelcomeScreen />
      ) : area === 'plan' ? (
        <PlanView />
      ) : area === 'optimise' ? (
        <OptimiseView />
      ) : area === 'scope' ? (
        <ScopeView />
      ) : area === 'monitor' ? (
        <MonitorView />
      ) : area === 'calibrate' ? (
        <CalibrateView />
      ) : (
        <EmptyArea area={area} />
      )}
      <ExportDialogHost />
    </main>
  );
}
