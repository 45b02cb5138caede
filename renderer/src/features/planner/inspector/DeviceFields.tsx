// A device's editable properties: position (m), type (any type of the same kind) and label.
import { useTranslation } from 'react-i18next';
import type { Placement, ProjectSnapshot } from '../../../../../shared/model/building';
import { useApp } from '../../../state/app-context';
import { persist } from '../editor/plan-actions';
import { NumberField } from './NumberField';

export function DeviceFields({ placement, snapshot }: { placement: Placement; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const services = useApp();
  const kind = snapshot.deviceTypes.find((d) => d.id === placement.deviceTypeId)?.kind;
  // A sensor may become a router and back; the gateway stays a gateway.
  const types = snapshot.deviceTypes.filter((d) => (kind === 'gateway' ? d.kind === 'gateway' : d.kind !== 'gateway'));
  const update = (patch: Partial<Pick<Placement, 'x' | 'y' | 'deviceTypeId' | 'label'>>) => persist(services, () => services.api.updatePlacement({ id: placement.id, ...patch }));
  return (
    <div className="prop-grid">
      <NumberField label="x" unit="m" value={placement.x} onCommit={(v) => update({ x: v })} testId="device-x" />
      <NumberField label="y" unit="m" value={placement.y} onCommit={(v) => update({ y: v })} testId="device-y" />
      <label className="prop-field prop-field--wide">
        <span className="prop-field__label">{t('planner.inspector.deviceType')}</span>
        <select className="select-input" value={placement.deviceTypeId} onChange={(e) => void update({ deviceTypeId: Number(e.target.value) })} data-testid="device-type">
          {types.map((d) => (
            <option key={d.id} value={d.id}>
              {t(`planner.kinds.${d.kind}`)} — {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="prop-field prop-field--wide">
        <span className="prop-field__label">{t('planner.inspector.label')}</span>
        <input
          key={placement.label}
          className="text-input text-input--compact"
          defaultValue={placement.label}
          maxLength={100}
          onBlur={(e) => e.target.value !== placement.label && void update({ label: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          data-testid="device-label"
        />
      </label>
    </div>
  );
}
