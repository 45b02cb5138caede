// The export dialog: where to write the file (prefilled in the documents folder), whether the PDF and
// JSON carry the chosen run, then exportPlan. A refusal stays under the field, the path as typed.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ExportFormat } from '../../../../../shared/api/export-api';
import { useApp, useProject, useUi } from '../../../state/app-context';
import { Modal } from '../../../ui/Modal';
import { baseName } from '../../project/project-paths';
import { ALGORITHM_TITLES } from '../algorithms';
import { useOptimizerState } from '../use-optimizer';
import { closeExportDialog, exportDialogStore } from './export-dialog-store';
import { suggestExportPath, withExtension } from './export-paths';

/** Mounted once by the main view; shows the dialog while an export is asked for. */
export function ExportDialogHost() {
  const format = useStore(exportDialogStore, (s) => s.format);
  return format ? <ExportDialog key={format} format={format} /> : null;
}

function ExportDialog({ format }: { format: ExportFormat }) {
  const { t } = useTranslation();
  const { api, ui } = useApp();
  const documentsDir = useUi((s) => s.appInfo?.documentsDir ?? '');
  const buildingName = useProject((s) => s.snapshot?.building.name ?? null);
  const floorId = useProject((s) => s.activeFloorId);
  const selection = useOptimizerState((s) => s.selection);
  const run = useOptimizerState((s) => (s.selection ? s.runs.find((r) => r.id === s.selection!.runId) : undefined));
  const [path, setPath] = useState(() => suggestExportPath(documentsDir, buildingName, format));
  const carriesRun = format === 'pdf' || format === 'json';
  const [includeRun, setIncludeRun] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim()) {
      setError(t('pathDialog.empty'));
      inputRef.current?.focus();
      return;
    }
    const target = withExtension(path, format);
    setBusy(true);
    setError(null);
    const runId = carriesRun && includeRun && selection && run && (floorId === null || run.floorId === floorId) ? selection.runId : undefined;
    let r;
    try {
      r = await api.exportPlan({ format, path: target, ...(floorId !== null ? { floorId } : {}), ...(runId !== undefined ? { runId } : {}) });
    } catch (x) {
      r = { ok: false as const, code: 'transport', message: (x as Error).message };
    }
    setBusy(false);
    if (!r.ok) {
      setPath(target);
      setError(r.message);
      inputRef.current?.focus();
      return;
    }
    closeExportDialog();
    ui.getState().pushToast('info', t('optimizer.export.done', { name: baseName(r.value.path), count: r.value.deviceCount }));
  };

  return (
    <Modal title={t(`optimizer.export.title.${format}`)} onClose={closeExportDialog} busy={busy} testId="export-dialog" className="modal--path">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="export-path" className="field-label">
          {t('optimizer.export.path')}
        </label>
        <input
          id="export-path"
          ref={inputRef}
          className={`text-input text-input--mono${error ? ' has-error' : ''}`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          data-testid="export-path"
        />
        <p className="field-hint">{t(`optimizer.export.hint.${format}`)}</p>
        {carriesRun && selection && run && (
          <label className="check-option check-option--block">
            <input type="checkbox" checked={includeRun} onChange={(e) => setIncludeRun(e.target.checked)} data-testid="export-include-run" />
            {t('optimizer.export.includeRun', { id: run.id, algorithm: ALGORITHM_TITLES[run.algorithm] })}
          </label>
        )}
        <p className="field-error" role="alert" data-testid="export-error" hidden={error === null}>
          {error}
        </p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={closeExportDialog} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="export-submit">
            {busy ? t('common.working') : t('optimizer.export.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
