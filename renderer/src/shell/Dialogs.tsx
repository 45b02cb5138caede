// The one open dialog, if any.
import { PathDialog } from '../features/project/PathDialog';
import { useUi } from '../state/app-context';
import { CommandPalette } from './CommandPalette';

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  if (dialog.kind === 'palette') return <CommandPalette />;
  // Keyed by purpose so that switching from Open to Save As starts from a fresh field.
  return <PathDialog key={dialog.purpose} purpose={dialog.purpose} />;
}
