// The renderer's own Open / Save As dialog, for the web shell which has no native file dialog. The
// path is prefilled (the documents folder, and a name for Save As); a refusal from the back end is
// shown under the field and the typed path stays as it was.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedSaveName } from '../../commands/project-commands';
import { useApp, useUi } from '../../state/app-context';
import type { PathPurpose } from '../../state/ui-store';
import { Modal } from '../../ui/Modal';
import { baseName, joinPath, PROJECT_EXTENSION } from './project-paths';

export function PathDialog({ purpose }: { purpose: PathPurpose }) {
  const { t } = useTranslation();
  const services = useApp();
  const { project, ui } = services;
  const documentsDir = useUi((s) => s.appInfo?.documentsDir ?? '');
  const closeDialog = useUi((s) => s.closeDialog);
  const [path, setPath] = useState(() =>
    purpose === 'save' ? joinPath(documentsDir, suggestedSaveName(services)) : joinPath(documentsDir, ''),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) {
      setError(t('pathDialog.empty'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const r = purpose === 'open' ? await project.open(trimmed) : await project.saveAs(trimmed);
    setBusy(false);
    if (r.ok) {
      closeDialog();
      if (purpose === 'save') ui.getState().pushToast('info', t('pathDialog.savedAs', { name: baseName(r.value.path) }));
    } else {
      setError(r.message);
      inputRef.current?.focus();
    }
  };

  const inputId = `path-${purpose}`;
  return (
    <Modal title={t(`pathDialog.${purpose}.title`)} onClose={closeDialog} busy={busy} testId="path-dialog" className="modal--path">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={inputId} className="field-label">
          {t('pathDialog.label')}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          className={`text-input text-input--mono${error ? ' has-error' : ''}`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={`${inputId}-hint ${inputId}-error`}
          data-testid="path-input"
        />
        <p id={`${inputId}-hint`} className="field-hint">
          {t(`pathDialog.${purpose}.hint`, { extension: PROJECT_EXTENSION })}
        </p>
        <p id={`${inputId}-error`} className="field-error" role="alert" data-testid="path-error" hidden={error === null}>
          {error}
        </p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="path-submit">
            {busy ? t('common.working') : t(`pathDialog.${purpose}.submit`)}
          </button>
        </div>
      </form>
    </Modal>
  );
}
