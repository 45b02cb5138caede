// Where to write a calibration certificate (the web shell has no native save dialog): a path prefilled in
// the documents folder with the board and the date, then the PDF written by the back end.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useUi } from '../../state/app-context';
import { Modal } from '../../ui/Modal';
import { baseName, joinPath } from '../project/project-paths';
import { useCalibration, useCalibrationState } from './calibration-services';
import type { CertificateSource } from './calibration-store';

export function suggestCertificateName(source: CertificateSource): string {
  const serial = source.kind === 'record' ? source.record.board.boardSerial : source.boardSerial;
  const when = (source.kind === 'record' ? source.record.completedAt : source.createdAt).slice(0, 10);
  return `Calibration certificate ${serial} ${when}.pdf`;
}

export function CertificateDialogHost() {
  const source = useCalibrationState((s) => s.certificate);
  return source ? <CertificateDialog source={source} /> : null;
}

function CertificateDialog({ source }: { source: CertificateSource }) {
  const { t } = useTranslation();
  const { ui } = useApp();
  const calibration = useCalibration();
  const documentsDir = useUi((s) => s.appInfo?.documentsDir ?? '');
  const [path, setPath] = useState(() => (documentsDir ? joinPath(documentsDir, suggestCertificateName(source)) : suggestCertificateName(source)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const close = () => calibration.closeCertificate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let target = path.trim();
    if (!target) {
      setError(t('pathDialog.empty'));
      inputRef.current?.focus();
      return;
    }
    if (!/\.pdf$/i.test(target)) target += '.pdf';
    setBusy(true);
    setError(null);
    const r = await calibration.exportCertificate(target);
    setBusy(false);
    if (!r.ok) {
      setPath(target);
      setError(r.message);
      inputRef.current?.focus();
      return;
    }
    close();
    ui.getState().pushToast('info', t('calibration.certificate.done', { name: baseName(r.value.path), size: Math.max(1, Math.round(r.value.bytes / 1024)) }));
  };

  return (
    <Modal title={t('calibration.certificate.title')} onClose={close} busy={busy} testId="certificate-dialog" className="modal--path">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="certificate-path" className="field-label">
          {t('calibration.certificate.path')}
        </label>
        <input
          id="certificate-path"
          ref={inputRef}
          className={`text-input text-input--mono${error ? ' has-error' : ''}`}
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setError(null);
          }}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          data-testid="certificate-path"
        />
        <p className="field-hint">{t('calibration.certificate.hint')}</p>
        <p className="field-error" role="alert" data-testid="certificate-error" hidden={error === null}>
          {error}
        </p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="certificate-submit">
            {busy ? t('common.working') : t('calibration.certificate.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
