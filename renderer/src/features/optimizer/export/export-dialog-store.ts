// Which export is being asked for (the path dialog is open while this is set). A vanilla store so the
// export commands open it from the palette, the menu or a button alike.
import { createStore } from 'zustand/vanilla';
import type { ExportFormat } from '../../../../../shared/api/export-api';

export interface ExportDialogState {
  readonly format: ExportFormat | null;
}

export const exportDialogStore = createStore<ExportDialogState>()(() => ({ format: null }));

export function openExportDialog(format: ExportFormat): void {
  exportDialogStore.setState({ format });
}

export function closeExportDialog(): void {
  exportDialogStore.setState({ format: null });
}
