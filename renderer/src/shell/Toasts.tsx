// Passing messages in the corner: information fades by itself, errors stay until dismissed.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../state/app-context';
import type { Toast } from '../state/ui-store';
import { CloseIcon } from '../ui/icons';

const INFO_TOAST_MS = 4000;

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useUi((s) => s.dismissToast);
  useEffect(() => {
    if (toast.kind !== 'info') return;
    const timer = setTimeout(() => dismiss(toast.id), INFO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${toast.kind}`}>
      <span className="toast__message">{toast.message}</span>
      <button type="button" className="icon-button icon-button--small" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
