// "Capture": the scope's current view (frozen while the dialog is open, so what is stored is what was
// seen) saved into the project with a note. It goes into the recording session when one runs.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject, useUi } from '../../state/app-context';
import { Modal } from '../../ui/Modal';
import { useBench } from './bench-services';

export function CaptureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bench = useBench();
  const pushToast = useUi((s) => s.pushToast);
  const hasProject = useProject((s) => s.info !== null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Freeze the screen while the note is typed; run again afterwards if it was running.
  useEffect(() => {
    const wasRunning = bench.settings.getState().running;
    if (wasRunning) bench.settings.getState().set({ running: false });
    return () => {
      if (wasRunning) bench.settings.getState().set({ running: true });
    };
  }, [bench]);
  const sweep = bench.engine.sweep;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await bench.saveCapture(note).catch((x: Error) => ({ ok: false as const, code: 'transport', message: x.message }));
    setBusy(false);
    if (!r.ok) {
      setError(r.message || t('scope.capture.nothing'));
      noteRef.current?.focus();
      return;
    }
    pushToast('info', t('scope.capture.saved', { id: r.value.id, count: r.value.sampleCount }));
    onClose();
  };

  return (
    <Modal title={t('scope.capture.title')} onClose={onClose} busy={busy} testId="capture-dialog" className="modal--path">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="field-hint capture-summary">
          {sweep ? t('scope.capture.summary', { count: sweep.timeMs.length, ms: (sweep.timeMs.at(-1)! - sweep.timeMs[0]).toFixed(1), rate: sweep.sampleRateHz }) : t('scope.capture.nothing')}
        </p>
        {!hasProject && <p className="field-error">{t('scope.capture.noProject')}</p>}
        <label htmlFor="capture-note" className="field-label">
          {t('scope.capture.note')}
        </label>
        <textarea id="capture-note" ref={noteRef} className="text-input capture-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} autoFocus placeholder={t('scope.capture.notePlaceholder')} data-testid="capture-note" />
        <p className="field-error" role="alert" data-testid="capture-error" hidden={error === null}>
          {error}
        </p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !sweep || !hasProject} data-testid="capture-submit">
            {busy ? t('common.working') : t('scope.capture.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
