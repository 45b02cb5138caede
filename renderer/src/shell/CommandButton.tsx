// A tool-bar button that runs a command, greyed out when the command is not available, with its
// shortcut in the tooltip.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../commands/keymap';
import { useApp, useProject } from '../state/app-context';

interface Props {
  readonly id: string;
  readonly icon: ReactNode;
  readonly text: string;
  readonly testId?: string;
}

export function CommandButton({ id, icon, text, testId }: Props) {
  const { t } = useTranslation();
  const { commands, isMac } = useApp();
  // Availability depends on whether a project is open; re-render when that changes.
  useProject((s) => s.info !== null);
  const command = commands.get(id);
  if (!command) return null;
  const enabled = commands.isEnabled(command);
  const hint = t(command.label) + (command.shortcut ? ` (${formatShortcut(command.shortcut, isMac)})` : '');
  return (
    <button type="button" className="tool-button" title={hint} aria-label={text} disabled={!enabled} onClick={() => void commands.run(id)} data-testid={testId}>
      {icon}
      <span className="tool-button__text">{text}</span>
    </button>
  );
}
