// Where to write a CSV file: a path prefilled in the documents folder (the web shell has no native save
// dialog, so the renderer asks, like the project's Save As). A refusal stays under the field.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/api/result';
import { useUi } from '../../state/app-context';
import { Modal } from '../../ui/Modal';
import { suggestCsvPath, withCsvExtension } from './csv-paths';

interface Props {
  readonly title: string;
  readonly hint: string;
  /** What the file name says it holds ("Meterplan capture"). */
  readonly what: string;
  readonly write: (path: string) => Promise<Result<{ path: string; rows: number }>>;
  readonly onDone: (written: { path: string; rows: number }) => void;
  readonly onClose: () => void;
  readonly testId: string;
}

export function CsvPathDialog({ title, hint, what, write, onDone, onClose, testId }: Props) {
  const { t } = useTranslation();
  const documentsDir = useUi((s) => s.appInfo?.documentsDir ?? '');
  const [path, setPath] = useState(() => suggestCsvPath(documentsDir, what, new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim()) {
      setError(t('pathDialog.empty'));
      return;
    }
    const target = withCsvExtension(path);
    setBusy(true);
    setError(null);
    let r: Result<{ path: string; rows: number }>;
    try {
      r = await write(target);
    } catch (x) {
      r = { ok: false, code: 'transport', message: (x as Error).message };
    }
    setBusy(false);
    if (!r.ok) {
      setPath(target);
      setError(r.message || t('scope.capture.nothing'));
      inputRef.current?.focus();
      return;
    }
    onDone(r.value);
  };
  return (
    <Modal title={title} onClose={onClose} busy={busy} testId={testId} className="modal--path">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${testId}-path`} className="field-label">
          {t('scope.csv.path')}
        </label>
        <input
          id={`${testId}-path`}
          ref={inputRef}
          className={`text-input text-input--mono${error ? ' has-error' : ''}`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          data-testid={`${testId}-path`}
        />
        <p className="field-hint">{hint}</p>
        <p className="field-error" role="alert" data-testid={`${testId}-error`} hidden={error === null}>
          {error}
        </p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid={`${testId}-submit`}>
            {busy ? t('common.working') : t('scope.csv.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
