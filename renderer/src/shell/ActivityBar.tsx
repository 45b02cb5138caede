// The activity bar: one button per area, like VS Code's; the active one is marked.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../commands/keymap';
import { useApp, useUi } from '../state/app-context';
import { AREAS, type Area } from '../state/ui-store';
import { CalibrateIcon, MonitorIcon, OptimiseIcon, PlanIcon, ScopeIcon } from '../ui/icons';

const ICONS: Record<Area, ReactNode> = {
  plan: <PlanIcon size={22} />,
  optimise: <OptimiseIcon size={22} />,
  scope: <ScopeIcon size={22} />,
  calibrate: <CalibrateIcon size={22} />,
  monitor: <MonitorIcon size={22} />,
};

export function ActivityBar() {
  const { t } = useTranslation();
  const { commands, isMac } = useApp();
  const active = useUi((s) => s.area);
  return (
    <nav className="activity-bar" aria-label={t('activity.label')}>
      {AREAS.map((area) => {
        const command = commands.get(`view.${area}`);
        const shortcut = command?.shortcut ? formatShortcut(command.shortcut, isMac) : '';
        return (
          <button
            key={area}
            type="button"
            className={`activity-bar__item${area === active ? ' is-active' : ''}`}
            aria-label={t(`areas.${area}`)}
            aria-current={area === active ? 'page' : undefined}
            data-tooltip={`${t(`areas.${area}`)} — ${t(`areaHints.${area}`)}${shortcut ? ` (${shortcut})` : ''}`}
            data-testid={`area-${area}`}
            onClick={() => void commands.run(`view.${area}`)}
          >
            {ICONS[area]}
          </button>
        );
      })}
    </nav>
  );
}
