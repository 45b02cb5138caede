// A number in the inspector (metres, usually): typed, committed on Enter or leaving the field, restored
// by Escape. A value that is not a number is explained under the field and nothing is sent; a refusal
// from the back end is shown the same way.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../../shared/api/result';
import { formatNumber } from '../../../i18n/format';
import { useUi } from '../../../state/app-context';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly onCommit: (value: number) => Promise<Result<unknown>>;
  readonly testId?: string;
  readonly decimals?: number;
  /** Accept only values above zero. */
  readonly positive?: boolean;
}

export function NumberField({ label, value, unit, onCommit, testId, decimals = 3, positive = false }: Props) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const shown = formatNumber(value, language, decimals).replace(/\u00a0|\u202f/g, '');
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(shown);
  }, [shown]);

  const commit = async () => {
    editing.current = false;
    const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
    const v = Number(cleaned);
    if (cleaned === '' || !Number.isFinite(v)) return setError(t('planner.inspector.notANumber', { text }));
    if (positive && v <= 0) return setError(t('planner.inspector.notPositive'));
    if (Math.abs(v - value) < 1e-12) return setError(null);
    const r = await onCommit(v);
    setError(r.ok ? null : r.message);
    if (!r.ok) setText(shown);
  };

  return (
    <label className="prop-field">
      <span className="prop-field__label">{label}</span>
      <span className="prop-field__input">
        <input
          className={`text-input text-input--compact${error ? ' has-error' : ''}`}
          value={text}
          inputMode="decimal"
          aria-invalid={error !== null}
          onFocus={() => (editing.current = true)}
          onChange={(e) => {
            editing.current = true;
            setText(e.target.value);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            else if (e.key === 'Escape') {
              editing.current = false;
              setText(shown);
              setError(null);
            }
          }}
          data-testid={testId}
        />
        <span className="prop-field__unit">{unit}</span>
      </span>
      {error && (
        <span className="field-error prop-field__error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
