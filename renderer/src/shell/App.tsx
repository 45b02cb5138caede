// The window: title bar, activity bar, main view, inspector, status bar (DESIGN.md §1, "The window").
import { ActivityBar } from './ActivityBar';
import { Dialogs } from './Dialogs';
import { Inspector } from './Inspector';
import { MainView } from './MainView';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { Toasts } from './Toasts';
import { useShortcuts } from './use-shortcuts';
import { useUi } from '../state/app-context';
import { hasInspector } from './Inspector';

export function App() {
  useShortcuts();
  const area = useUi((s) => s.area);
  return (
    <div className="app" data-inspector={hasInspector(area) ? 'shown' : 'hidden'}>
      <TitleBar />
      <ActivityBar />
      <MainView />
      <Inspector />
      <StatusBar />
      <Dialogs />
      <Toasts />
    </div>
  );
}
