// A button that opens a list of items under it; closes on choice, Escape or a click elsewhere.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface DropdownItem {
  readonly key: string;
  readonly label: ReactNode;
  readonly detail?: ReactNode;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly onSelect: () => void;
}

interface Props {
  readonly label: ReactNode;
  readonly title?: string;
  /** Accessible name when the visible label may be hidden (narrow windows). */
  readonly ariaLabel?: string;
  readonly items: readonly DropdownItem[];
  /** Shown when there are no items. */
  readonly empty: ReactNode;
  readonly testId?: string;
  readonly align?: 'left' | 'right';
}

export function DropdownMenu({ label, title, ariaLabel, items, empty, testId, align = 'left' }: Props) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="dropdown" ref={rootRef}>
      <button
        type="button"
        className={`tool-button${open ? ' is-pressed' : ''}`}
        title={title}
        aria-label={ariaLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div className={`dropdown__menu dropdown__menu--${align}`} role="menu" id={menuId}>
          {items.length === 0 && <div className="dropdown__empty">{empty}</div>}
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              className="dropdown__item"
              title={item.title}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              <span className="dropdown__label">{item.label}</span>
              {item.detail && <span className="dropdown__detail">{item.detail}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
