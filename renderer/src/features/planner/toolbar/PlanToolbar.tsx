// The plan editor's tool bar: the tools (each runs its command, shortcut in the tooltip), the options
// of the tool in hand (wall material and thickness, zone kind), snapping, undo and redo, and the plan
// image (import, calibrate).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { formatShortcut } from '../../../commands/keymap';
import { useApp, useProject } from '../../../state/app-context';
import { selectActiveFloor } from '../../../state/project-store';
import { editorStore, type Tool } from '../editor/editor-store';
import { PlanImageButton } from './PlanImageButton';
import { REDO_ICON, TOOL_ICONS, UNDO_ICON } from './tool-icons';
import { ToolOptions } from './ToolOptions';

const TOOL_ORDER: readonly Tool[] = ['select', 'wall', 'zone', 'gateway', 'sensor', 'router', 'split'];

export function PlanToolbar() {
  const { t } = useTranslation();
  const { commands, isMac } = useApp();
  const state = useStore(editorStore, useShallow((s) => ({ tool: s.tool, snapToGrid: s.snapToGrid, snapToEnds: s.snapToEnds, undo: s.undo })));
  const hasPlan = useProject((s) => selectActiveFloor(s)?.plan != null);
  const hint = (id: string) => {
    const c = commands.get(id);
    return c ? t(c.label) + (c.shortcut ? ` (${formatShortcut(c.shortcut, isMac)})` : '') : id;
  };
  const run = (id: string) => void commands.run(id);
  const editLabel = (label: string | null) => (label ? t(`planner.edits.${label}`, { defaultValue: label }) : '');

  return (
    <div className="plan-toolbar" role="toolbar" aria-label={t('planner.toolbar.label')} data-testid="plan-toolbar">
      <div className="plan-toolbar__group" role="radiogroup" aria-label={t('planner.toolbar.tools')}>
        {TOOL_ORDER.map((tool) => (
          <button
            key={tool}
            type="button"
            role="radio"
            aria-checked={state.tool === tool}
            className={`tool-button plan-tool${state.tool === tool ? ' is-pressed' : ''}`}
            title={hint(`planner.tool.${tool}`)}
            aria-label={t(`planner.commands.tool.${tool}`)}
            onClick={() => run(`planner.tool.${tool}`)}
            data-testid={`plan-tool-${tool}`}
          >
            {TOOL_ICONS[tool]}
          </button>
        ))}
      </div>
      <ToolOptions tool={state.tool} />
      <div className="plan-toolbar__group">
        <button
          type="button"
          className={`tool-button${state.snapToGrid ? ' is-pressed' : ''}`}
          aria-pressed={state.snapToGrid}
          title={t('planner.toolbar.snapGridHint')}
          onClick={() => run('planner.toggleGridSnap')}
          data-testid="plan-snap-grid"
        >
          {t('planner.toolbar.snapGrid')}
        </button>
        <button
          type="button"
          className={`tool-button${state.snapToEnds ? ' is-pressed' : ''}`}
          aria-pressed={state.snapToEnds}
          title={t('planner.toolbar.snapEndsHint')}
          onClick={() => run('planner.toggleEndSnap')}
          data-testid="plan-snap-ends"
        >
          {t('planner.toolbar.snapEnds')}
        </button>
      </div>
      <div className="plan-toolbar__group">
        <PlanImageButton />
        <button
          type="button"
          className={`tool-button${state.tool === 'calibrate' ? ' is-pressed' : ''}`}
          disabled={!hasPlan}
          title={t('planner.toolbar.calibrateHint')}
          onClick={() => run('planner.tool.calibrate')}
          data-testid="plan-calibrate"
        >
          {TOOL_ICONS.calibrate}
          <span className="tool-button__text">{t('planner.toolbar.calibrate')}</span>
        </button>
      </div>
      <div className="plan-toolbar__group">
        <button
          type="button"
          className="tool-button"
          disabled={!state.undo.canUndo}
          title={`${hint('planner.undo')}${state.undo.undoLabel ? ` — ${editLabel(state.undo.undoLabel)}` : ''}`}
          aria-label={t('planner.commands.undo')}
          onClick={() => run('planner.undo')}
          data-testid="plan-undo"
        >
          {UNDO_ICON}
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!state.undo.canRedo}
          title={`${hint('planner.redo')}${state.undo.redoLabel ? ` — ${editLabel(state.undo.redoLabel)}` : ''}`}
          aria-label={t('planner.commands.redo')}
          onClick={() => run('planner.redo')}
          data-testid="plan-redo"
        >
          {REDO_ICON}
        </button>
      </div>
    </div>
  );
}
