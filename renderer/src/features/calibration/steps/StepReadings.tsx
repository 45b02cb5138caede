// What a calibration step measured: the reference and the board side by side, with units — the board as
// its present coefficients read it and as the fitted ones will — and the error of each against the reference.
import { useTranslation } from 'react-i18next';
import type { CalibrationSessionState, StepReading } from '../../../../../shared/calibration/calibration-api';
import type { CalibrationStep } from '../../../../../shared/calibration/calibration-steps';
import { useUi } from '../../../state/app-context';
import { CloseIcon } from '../../../ui/icons';
import { boardReading, errorPercent, type BoardReading } from '../board-readings';
import { useCalibration } from '../calibration-services';
import { fixed, percent, quantity, withUnit } from '../format';
import type { ReferenceField } from '../reference-fields';
import { FIELD_UNITS } from '../reference-fields';

type Row = { field: ReferenceField; reference: number | undefined; now: number | null; fitted: number | null };

function rowsOf(fields: readonly ReferenceField[], reading: StepReading, now: BoardReading, fitted: BoardReading | null): Row[] {
  return fields.map((field) => ({ field, reference: reading.reference[field], now: now[field], fitted: fitted ? fitted[field] : null }));
}

function QuantityTable({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  return (
    <table className="cal-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('calibration.readings.quantity')}</th>
          <th scope="col" className="num">
            {t('calibration.readings.reference')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.boardNow')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.error')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.boardFitted')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.error')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} data-testid={`${testId}-${r.field}`}>
            <th scope="row">{t(`calibration.quantities.${r.field}`)}</th>
            <td className="num">{quantity(r.reference, r.field, FIELD_UNITS[r.field], language)}</td>
            <td className="num">{quantity(r.now, r.field, FIELD_UNITS[r.field], language)}</td>
            <td className="num cal-error">{percent(errorPercent(r.now, r.reference), language)}</td>
            <td className="num">{quantity(r.fitted, r.field, FIELD_UNITS[r.field], language)}</td>
            <td className="num cal-error">{percent(errorPercent(r.fitted, r.reference), language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Voltage and current: one row per load point, with the fit's residual and the point's actions. */
function PointsTable({ step, session, disabled }: { step: 'voltage' | 'current'; session: CalibrationSessionState; disabled: boolean }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const calibration = useCalibration();
  const field: ReferenceField = step === 'voltage' ? 'voltageV' : 'currentA';
  const unit = FIELD_UNITS[field];
  const readings = session.readings[step];
  const fit = session.steps[step];
  return (
    <table className="cal-table" data-testid="cal-readings">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col" className="num">
            {t('calibration.readings.reference')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.raw')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.boardNow')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.error')}
          </th>
          <th scope="col" className="num">
            {t('calibration.readings.residual')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('calibration.readings.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {readings.map((r, k) => {
          const now = boardReading(r.raw, session.previousCoefficients)[field];
          return (
            <tr key={k} data-testid={`cal-point-${k}`}>
              <td>{k + 1}</td>
              <td className="num">{quantity(r.reference[field], field, unit, language)}</td>
              <td className="num">{withUnit(fixed(step === 'voltage' ? r.raw.vrmsCounts : r.raw.irmsCounts, 2, language), t('calibration.units.counts'))}</td>
              <td className="num">{quantity(now, field, unit, language)}</td>
              <td className="num cal-error">{percent(errorPercent(now, r.reference[field]), language)}</td>
              <td className="num cal-error">{percent(fit?.residualsPercent[k], language, 3)}</td>
              <td className="cal-table__actions">
                <button type="button" className="text-button text-button--small" disabled={disabled} onClick={() => void calibration.measure(step, k)} title={t('calibration.measure.againPoint', { n: k + 1 })} data-testid={`cal-point-${k}-again`}>
                  {t('calibration.measure.remeasure')}
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--small"
                  disabled={disabled}
                  onClick={() => void calibration.removePoint(step, k)}
                  title={t('calibration.measure.removePoint', { n: k + 1 })}
                  aria-label={t('calibration.measure.removePoint', { n: k + 1 })}
                  data-testid={`cal-point-${k}-remove`}
                >
                  <CloseIcon size={14} />
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function StepReadings(props: { step: CalibrationStep; session: CalibrationSessionState; disabled: boolean }) {
  return (
    <div className="cal-table-wrap">
      <StepReadingsTable {...props} />
    </div>
  );
}

function StepReadingsTable({ step, session, disabled }: { step: CalibrationStep; session: CalibrationSessionState; disabled: boolean }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const readings = session.readings[step];
  if (readings.length === 0) return <p className="cal-card__lead cal-empty">{t('calibration.readings.none')}</p>;
  if (step === 'voltage' || step === 'current') return <PointsTable step={step} session={session} disabled={disabled} />;
  const reading = readings[0];
  if (step === 'zero') {
    const r = reading.raw;
    const counts = t('calibration.units.counts');
    return (
      <table className="cal-table" data-testid="cal-readings">
        <tbody>
          <tr>
            <th scope="row">{t('calibration.readings.voltageOffset')}</th>
            <td className="num">{withUnit(fixed(r.voltageMeanCounts, 2, language), counts)}</td>
          </tr>
          <tr>
            <th scope="row">{t('calibration.readings.currentOffset')}</th>
            <td className="num">{withUnit(fixed(r.currentMeanCounts, 2, language), counts)}</td>
          </tr>
          <tr>
            <th scope="row">{t('calibration.readings.currentNoise')}</th>
            <td className="num">
              {withUnit(fixed(r.irmsCounts, 2, language), counts)} ({quantity(r.irmsCounts * Math.abs(session.previousCoefficients.currentGainAPerCount), 'currentA', 'A', language)})
            </td>
          </tr>
          <tr>
            <th scope="row">{t('calibration.readings.referenceCurrent')}</th>
            <td className="num">{quantity(reading.reference.currentA, 'currentA', 'A', language)}</td>
          </tr>
          <tr>
            <th scope="row">{t('calibration.readings.window')}</th>
            <td className="num">{t('calibration.readings.periods', { count: r.periods, duration: withUnit(fixed(r.durationS, 2, language), 's') })}</td>
          </tr>
        </tbody>
      </table>
    );
  }
  const now = boardReading(reading.raw, session.previousCoefficients);
  const fitted = session.proposed ? boardReading(reading.raw, session.proposed) : null;
  const fields: ReferenceField[] = ['voltageV', 'currentA', 'activePowerW', 'powerFactor'];
  return <QuantityTable rows={rowsOf(fields, reading, now, fitted)} testId="cal-readings" />;
}
