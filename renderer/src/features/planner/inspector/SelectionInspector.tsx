// The selection's properties, editable: a device's position, type and label; a wall's ends, material
// and thickness (split in half, join two); a zone's kind and name. Several items: how many, and delete.
// Every change is one edit sent at once (plan-actions.ts), undoable with Ctrl+Z.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ProjectSnapshot, Wall, Zone, ZoneKind } from '../../../../../shared/model/building';
import { polygonAreaM2 } from '../../../../../shared/model/geometry';
import { formatMetres, formatSquareMetres } from '../../../i18n/format';
import { useApp, useProject, useUi } from '../../../state/app-context';
import { editorStore } from '../editor/editor-store';
import { deleteSelection, joinSelectedWalls, persist, splitWall } from '../editor/plan-actions';
import { selectionSize } from '../editor/selection';
import { DeviceFields } from './DeviceFields';
import { NumberField } from './NumberField';

const ZONE_KINDS: readonly ZoneKind[] = ['installable', 'exclusion', 'poi', 'gateway'];

export function SelectionInspector() {
  const { t } = useTranslation();
  const services = useApp();
  const selection = useStore(editorStore, (s) => s.selection);
  const snapshot = useProject((s) => s.snapshot);
  const count = selectionSize(selection);
  if (!snapshot || count === 0) return null;
  const wall = count === 1 && selection.walls.length === 1 ? snapshot.walls.find((w) => w.id === selection.walls[0]) : undefined;
  const zone = count === 1 && selection.zones.length === 1 ? snapshot.zones.find((z) => z.id === selection.zones[0]) : undefined;
  const device = count === 1 && selection.devices.length === 1 ? snapshot.placements.find((p) => p.id === selection.devices[0]) : undefined;

  return (
    <section className="inspector__section" data-testid="selection-inspector">
      <h2 className="section-title">
        {wall ? t('planner.inspector.wall', { id: wall.id }) : zone ? t('planner.inspector.zone', { id: zone.id }) : device ? t('planner.inspector.device', { label: device.label || device.id }) : t('planner.inspector.many', { count })}
      </h2>
      {wall && <WallFields wall={wall} snapshot={snapshot} />}
      {zone && <ZoneFields zone={zone} />}
      {device && <DeviceFields placement={device} snapshot={snapshot} />}
      {count > 1 && (
        <p className="field-hint" data-testid="selection-summary">
          {t('planner.inspector.summary', { walls: selection.walls.length, zones: selection.zones.length, devices: selection.devices.length })}
        </p>
      )}
      <div className="prop-actions">
        {selection.walls.length === 2 && count === 2 && (
          <button type="button" className="button" onClick={() => void joinSelectedWalls(services)} data-testid="join-walls">
            {t('planner.commands.joinWalls')}
          </button>
        )}
        <button type="button" className="button" onClick={() => void deleteSelection(services)} data-testid="delete-selection">
          {t('planner.inspector.delete')}
        </button>
      </div>
    </section>
  );
}

function WallFields({ wall, snapshot }: { wall: Wall; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const services = useApp();
  const language = useUi((s) => s.language);
  const update = (patch: Partial<Omit<Wall, 'id' | 'floorId'>>) => persist(services, () => services.api.updateWall({ id: wall.id, ...patch }));
  const lengthM = Math.hypot(wall.b.x - wall.a.x, wall.b.y - wall.a.y);
  return (
    <div className="prop-grid">
      <label className="prop-field prop-field--wide">
        <span className="prop-field__label">{t('planner.inspector.material')}</span>
        <select className="select-input" value={wall.materialId} onChange={(e) => void update({ materialId: Number(e.target.value) })} data-testid="wall-material-edit">
          {snapshot.materials.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <NumberField label={t('planner.inspector.thickness')} unit="m" value={wall.thicknessM} positive onCommit={(v) => update({ thicknessM: v })} />
      <NumberField label="A x" unit="m" value={wall.a.x} onCommit={(v) => update({ a: { ...wall.a, x: v } })} testId="wall-ax" />
      <NumberField label="A y" unit="m" value={wall.a.y} onCommit={(v) => update({ a: { ...wall.a, y: v } })} testId="wall-ay" />
      <NumberField label="B x" unit="m" value={wall.b.x} onCommit={(v) => update({ b: { ...wall.b, x: v } })} testId="wall-bx" />
      <NumberField label="B y" unit="m" value={wall.b.y} onCommit={(v) => update({ b: { ...wall.b, y: v } })} testId="wall-by" />
      <p className="prop-field prop-field--wide field-hint">
        {t('planner.inspector.length')} {formatMetres(Math.round(lengthM * 1000) / 1000, language)}
      </p>
      <button
        type="button"
        className="button prop-field--wide"
        onClick={() => void splitWall(services, wall.id, { x: (wall.a.x + wall.b.x) / 2, y: (wall.a.y + wall.b.y) / 2 })}
        data-testid="split-wall"
      >
        {t('planner.inspector.splitHalf')}
      </button>
    </div>
  );
}

function ZoneFields({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const services = useApp();
  const language = useUi((s) => s.language);
  const update = (patch: Partial<Pick<Zone, 'kind' | 'name'>>) => persist(services, () => services.api.updateZone({ id: zone.id, ...patch }));
  return (
    <div className="prop-grid">
      <label className="prop-field prop-field--wide">
        <span className="prop-field__label">{t('planner.inspector.zoneKind')}</span>
        <select className="select-input" value={zone.kind} onChange={(e) => void update({ kind: e.target.value as ZoneKind })} data-testid="zone-kind-edit">
          {ZONE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`planner.zoneKinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="prop-field prop-field--wide">
        <span className="prop-field__label">{t('planner.inspector.name')}</span>
        <input
          key={zone.name}
          className="text-input text-input--compact"
          defaultValue={zone.name}
          maxLength={100}
          onBlur={(e) => e.target.value !== zone.name && void update({ name: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </label>
      <p className="prop-field prop-field--wide field-hint">
        {zone.polygon.length >= 3
          ? t('planner.inspector.zoneArea', { corners: zone.polygon.length, area: formatSquareMetres(polygonAreaM2(zone.polygon), language) })
          : t('planner.inspector.zonePoint', { x: formatMetres(zone.polygon[0]!.x, language), y: formatMetres(zone.polygon[0]!.y, language) })}
      </p>
    </div>
  );
}
