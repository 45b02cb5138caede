// A modal dialog: dims the window, closes on Escape or a click on the backdrop (unless busy).
import { useEffect, useId, type ReactNode } from 'react';

interface Props {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly busy?: boolean;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  /** Palette-style dialogs have no heading bar. */
  readonly bare?: boolean;
}

export function Modal({ title, onClose, busy = false, children, className, testId, bare = false }: Props) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) {
        e.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, busy]);
  return (
    <div
      className="modal-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget && !busy) onClose();
      }}
    >
      <div className={`modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <h2 id={titleId} className={bare ? 'visually-hidden' : 'modal__title'}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
