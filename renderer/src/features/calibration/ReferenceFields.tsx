// Number fields for the reference's readings, each with its unit, and the reason under a field that
// cannot be used (required, not a number, zero or negative, a power factor above 1).
import { useTranslation } from 'react-i18next';
import { useCalibration, useCalibrationState } from './calibration-services';
import { FIELD_UNITS, TYPED_FIELDS, type ReferenceField, type TypedPage } from './reference-fields';

export function ReferenceFields({ page, disabled }: { page: TypedPage; disabled: boolean }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const values = useCalibrationState((s) => s.typed[page]);
  const problems = useCalibrationState((s) => s.typedProblems[page]);
  const { required, optional } = TYPED_FIELDS[page];
  const field = (f: ReferenceField, isRequired: boolean) => {
    const id = `typed-${page}-${f}`;
    const problem = problems?.[f];
    return (
      <div key={f} className="cal-field">
        <label className="field-label" htmlFor={id}>
          {t(`calibration.quantities.${f}`)}
          {!isRequired && <span className="cal-field__optional"> {t('calibration.reference.optional')}</span>}
        </label>
        <div className={`cal-number${problem ? ' has-error' : ''}`}>
          <input
            id={id}
            className="cal-number__input"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={values[f] ?? ''}
            disabled={disabled}
            onChange={(e) => calibration.setTyped(page, f, e.target.value)}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            data-testid={`typed-${f}`}
          />
          {FIELD_UNITS[f] && <span className="cal-number__unit">{FIELD_UNITS[f]}</span>}
        </div>
        {problem && (
          <p id={`${id}-error`} className="cal-field__error" role="alert" data-testid={`typed-${f}-error`}>
            {t(`calibration.fieldProblems.${problem}`, { quantity: t(`calibration.quantities.${f}`) })}
          </p>
        )}
      </div>
    );
  };
  return (
    <div className="cal-fields" data-testid="typed-fields">
      {required.map((f) => field(f, true))}
      {optional.map((f) => field(f, false))}
    </div>
  );
}
