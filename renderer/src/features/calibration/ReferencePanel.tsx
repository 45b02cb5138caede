// The reference side of a measurement: the typed fields, or the Modbus meter that will be polled over the
// same window as the board. With the virtual meter, what a perfect reference reads on its simulated line
// is shown too, and can be copied into the fields.
import { useTranslation } from 'react-i18next';
import { REFERENCE_METER_LABELS } from '../../../../shared/calibration/reference-reading';
import type { ReferenceSource } from '../../../../shared/calibration/reference-reading';
import { useUi } from '../../state/app-context';
import { useCalibration, useCalibrationState } from './calibration-services';
import { quantity } from './format';
import { ReferenceFields } from './ReferenceFields';
import type { TypedPage } from './reference-fields';

export function modbusText(ref: Extract<ReferenceSource, { kind: 'modbus' }>): string {
  const link = ref.link.transport === 'rtu' ? `RTU ${ref.link.path}, ${ref.link.baudRate} baud, ${ref.link.parity}, ${ref.link.stopBits} stop` : `TCP ${ref.link.host}:${ref.link.port}`;
  return `${REFERENCE_METER_LABELS[ref.model]} — Modbus ${link}, unit ${ref.unitId}`;
}

export function SimulatedTruth({ page, disabled }: { page: TypedPage | null; disabled: boolean }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const language = useUi((s) => s.language);
  const truth = useCalibrationState((s) => s.virtualMeter?.truth);
  if (!truth) return null;
  return (
    <div className="cal-truth" data-testid="cal-truth">
      <span className="cal-truth__label">{t('calibration.reference.truth')}</span>
      <span className="cal-truth__values">
        {quantity(truth.vrmsV, 'voltageV', 'V', language)} · {quantity(truth.irmsA, 'currentA', 'A', language)} · {quantity(truth.activePowerW, 'activePowerW', 'W', language)} · {t('calibration.verifyQuantities.powerFactor')}{' '}
        {quantity(truth.powerFactor, 'powerFactor', '', language)} · {quantity(truth.frequencyHz, 'frequencyHz', 'Hz', language)}
      </span>
      {page && (
        <button type="button" className="text-button text-button--small" disabled={disabled} onClick={() => calibration.fillFromSimulation(page)} data-testid="cal-truth-fill">
          {t('calibration.reference.useTruth')}
        </button>
      )}
    </div>
  );
}

export function ReferencePanel({ page, reference, virtual, disabled }: { page: TypedPage | null; reference: ReferenceSource; virtual: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="cal-card" aria-labelledby="cal-reference-title" data-testid="cal-reference">
      <h2 id="cal-reference-title" className="cal-card__title">
        {t('calibration.reference.title')}
      </h2>
      {reference.kind === 'typed' ? (
        page ? (
          <>
            <p className="cal-card__lead">{t('calibration.reference.typedLead', { instrument: reference.instrument })}</p>
            <ReferenceFields page={page} disabled={disabled} />
          </>
        ) : (
          <p className="cal-card__lead">{t('calibration.reference.noneNeeded')}</p>
        )
      ) : (
        <p className="cal-card__lead" data-testid="cal-modbus-reference">
          {t('calibration.reference.modbusLead', { meter: modbusText(reference) })}
        </p>
      )}
      {virtual && <SimulatedTruth page={reference.kind === 'typed' ? page : null} disabled={disabled} />}
    </section>
  );
}
