// Page 1: the board to calibrate (the connected board, or the built-in virtual meter) and the reference
// (readings typed from an instrument, or a Modbus meter: PAC3200, SDM120, SDM630 over RTU or TCP).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_METER_LABELS, ReferenceMeterModelSchema } from '../../../../../shared/calibration/reference-reading';
import { useApp } from '../../../state/app-context';
import { useCalibration, useCalibrationState } from '../calibration-services';
import { FormField, PageFrame } from '../PageFrame';
import { BAUD_RATES, type SetupForm } from '../setup-form';
import { isOpenSession } from '../wizard-pages';

function BoardChoices({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const boards = useCalibrationState((s) => s.boards);
  const chosen = useCalibrationState((s) => s.setup.boardSerial);
  const problem = useCalibrationState((s) => s.formProblems.boardSerial);
  return (
    <fieldset className="cal-card" disabled={locked}>
      <legend className="cal-card__title">{t('calibration.setup.board')}</legend>
      {boards.length === 0 && <p className="cal-card__lead">{t('calibration.setup.noBoard')}</p>}
      <div className="cal-choices" role="radiogroup" aria-label={t('calibration.setup.board')}>
        {boards.map((b) => (
          <label key={`${b.kind}-${b.boardSerial}`} className={`cal-choice${chosen === b.boardSerial ? ' is-checked' : ''}${b.unavailable ? ' is-unavailable' : ''}`} data-testid={`cal-board-${b.kind}`}>
            <input type="radio" name="cal-board" checked={chosen === b.boardSerial} disabled={b.unavailable !== null} onChange={() => calibration.setSetup({ boardSerial: b.boardSerial })} />
            <span className="cal-choice__text">
              <strong>{t(`calibration.setup.boardKind.${b.kind}`)}</strong>
              <span className="cal-choice__detail">
                {t('calibration.setup.boardDetail', { serial: b.boardSerial, firmware: b.firmwareVersion ?? '?', where: b.where })}
              </span>
              {b.unavailable && <span className="cal-choice__why">{b.unavailable}</span>}
            </span>
          </label>
        ))}
      </div>
      {problem && boards.length > 0 && (
        <p className="cal-field__error" role="alert">
          {t('calibration.setup.chooseBoard')}
        </p>
      )}
    </fieldset>
  );
}

function Segmented<T extends string>({ name, value, options, onChange, label }: { name: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; label: string }) {
  return (
    <div className="cal-segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} className={`cal-segmented__option${value === o.value ? ' is-checked' : ''}`} data-testid={`${name}-${o.value}`}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

export { Segmented };

function ReferenceChoice({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const calibration = useCalibration();
  const form = useCalibrationState((s) => s.setup);
  const problems = useCalibrationState((s) => s.formProblems);
  const [ports, setPorts] = useState<string[]>([]);
  const set = (patch: Partial<SetupForm>) => calibration.setSetup(patch);
  const problem = (k: keyof SetupForm) => (problems[k] ? t(`calibration.setupProblems.${problems[k]}`) : null);
  useEffect(() => {
    if (form.referenceKind !== 'modbus' || form.transport !== 'rtu') return;
    let live = true;
    api
      .listPorts({})
      .then((r) => live && setPorts(r.ports.filter((p) => p.source !== 'virtual').map((p) => p.path)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, form.referenceKind, form.transport]);
  const text = (k: keyof SetupForm, label: string, hint?: string, extra: Record<string, unknown> = {}) => (
    <FormField id={`cal-${k}`} label={label} problem={problem(k)} hint={hint}>
      <input
        id={`cal-${k}`}
        className={`text-input${problems[k] ? ' has-error' : ''}`}
        value={form[k] as string}
        onChange={(e) => set({ [k]: e.target.value })}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problems[k] !== undefined}
        data-testid={`cal-${k}`}
        {...extra}
      />
    </FormField>
  );
  return (
    <fieldset className="cal-card" disabled={locked}>
      <legend className="cal-card__title">{t('calibration.setup.reference')}</legend>
      <Segmented
        name="cal-reference"
        label={t('calibration.setup.reference')}
        value={form.referenceKind}
        onChange={(referenceKind) => set({ referenceKind })}
        options={[
          { value: 'typed', label: t('calibration.setup.typed') },
          { value: 'modbus', label: t('calibration.setup.modbus') },
        ]}
      />
      {form.referenceKind === 'typed' ? (
        <div className="cal-form-grid">{text('instrument', t('calibration.setup.instrument'), t('calibration.setup.instrumentHint'))}</div>
      ) : (
        <>
          <div className="cal-form-grid">
            <FormField id="cal-model" label={t('calibration.setup.model')}>
              <select id="cal-model" className="cal-select" value={form.model} onChange={(e) => set({ model: e.target.value as SetupForm['model'] })} data-testid="cal-model">
                {ReferenceMeterModelSchema.options.map((m) => (
                  <option key={m} value={m}>
                    {REFERENCE_METER_LABELS[m]}
                  </option>
                ))}
              </select>
            </FormField>
            {text('instrument', t('calibration.setup.tag'), t('calibration.setup.tagHint'))}
          </div>
          <Segmented
            name="cal-transport"
            label={t('calibration.setup.transport')}
            value={form.transport}
            onChange={(transport) => set({ transport })}
            options={[
              { value: 'rtu', label: t('calibration.setup.rtu') },
              { value: 'tcp', label: t('calibration.setup.tcp') },
            ]}
          />
          {form.transport === 'rtu' ? (
            <div className="cal-form-grid cal-form-grid--4">
              {text('rtuPath', t('calibration.setup.port'), t('calibration.setup.portHint'), { list: 'cal-ports', className: `text-input text-input--mono${problems.rtuPath ? ' has-error' : ''}` })}
              <datalist id="cal-ports">
                {ports.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
              <FormField id="cal-baudRate" label={t('calibration.setup.baud')} problem={problem('baudRate')}>
                <select id="cal-baudRate" className="cal-select" value={form.baudRate} onChange={(e) => set({ baudRate: e.target.value })} data-testid="cal-baudRate">
                  {BAUD_RATES.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField id="cal-parity" label={t('calibration.setup.parity')}>
                <select id="cal-parity" className="cal-select" value={form.parity} onChange={(e) => set({ parity: e.target.value as SetupForm['parity'] })}>
                  {(['none', 'even', 'odd'] as const).map((p) => (
                    <option key={p} value={p}>
                      {t(`calibration.setup.parities.${p}`)}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField id="cal-stopBits" label={t('calibration.setup.stopBits')}>
                <select id="cal-stopBits" className="cal-select" value={form.stopBits} onChange={(e) => set({ stopBits: e.target.value as SetupForm['stopBits'] })}>
                  <option value="1">1</option>
                  <option value="2">2</option>
                </select>
              </FormField>
            </div>
          ) : (
            <div className="cal-form-grid cal-form-grid--4">
              {text('host', t('calibration.setup.host'), undefined, { className: `text-input text-input--mono${problems.host ? ' has-error' : ''}` })}
              {text('tcpPort', t('calibration.setup.tcpPort'), undefined, { inputMode: 'numeric' })}
            </div>
          )}
          <div className="cal-form-grid cal-form-grid--4">
            {text('unitId', t('calibration.setup.unitId'), t('calibration.setup.unitIdHint'), { inputMode: 'numeric' })}
            {text('timeoutMs', t('calibration.setup.timeout'), undefined, { inputMode: 'numeric' })}
          </div>
          <p className="cal-card__note">{t('calibration.setup.modbusNote')}</p>
        </>
      )}
    </fieldset>
  );
}

export function SetupPage() {
  const { t } = useTranslation();
  const calibration = useCalibration();
  const session = useCalibrationState((s) => s.session);
  const locked = isOpenSession(session);
  return (
    <PageFrame page="setup" next={{ label: t('calibration.nav.next'), enabled: true, onClick: () => (locked ? calibration.go('accuracy') : void calibration.confirmSetup()) }}>
      {locked && <p className="cal-note">{t('calibration.setup.locked')}</p>}
      <BoardChoices locked={locked} />
      <ReferenceChoice locked={locked} />
    </PageFrame>
  );
}
