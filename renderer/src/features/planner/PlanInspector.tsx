// The Plan area's inspector: the building (its name is editable), the selection's properties, the
// placement's live metrics, the floor (size, pitch, plan image), what is on it, and the materials.
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../../shared/model/building';
import { formatDb } from '../../i18n/format';
import { useProject, useUi } from '../../state/app-context';
import { selectActiveFloor } from '../../state/project-store';
import { DeviceGlyph } from '../../ui/icons';
import { BuildingNameField } from './BuildingNameField';
import { countFloor } from './canvas/scene';
import { FloorSection } from './inspector/FloorSection';
import { MetricsPanel } from './inspector/MetricsPanel';
import { SelectionInspector } from './inspector/SelectionInspector';

const DEVICE_KINDS: readonly DeviceKind[] = ['sensor', 'router', 'gateway'];

export function PlanInspector() {
  const { t } = useTranslation();
  const snapshot = useProject((s) => s.snapshot);
  const floor = useProject(selectActiveFloor);
  const language = useUi((s) => s.language);
  if (!snapshot) return null;
  const counts = floor ? countFloor(snapshot, floor.id) : null;
  const usedMaterialIds = new Set(snapshot.walls.filter((w) => w.floorId === floor?.id).map((w) => w.materialId));
  const materials = snapshot.materials.filter((m) => usedMaterialIds.has(m.id));

  return (
    <div className="inspector__sections" data-testid="plan-inspector">
      <section className="inspector__section">
        <h2 className="section-title">{t('inspector.building')}</h2>
        <BuildingNameField name={snapshot.building.name} />
      </section>

      {floor && counts && (
        <>
          <SelectionInspector />
          <MetricsPanel />
          <FloorSection floor={floor} />

          <section className="inspector__section">
            <h2 className="section-title">{t('inspector.contents')}</h2>
            <dl className="props props--counts">
              <dt>{t('inspector.walls')}</dt>
              <dd data-testid="count-walls">{counts.walls}</dd>
              <dt>{t('inspector.zones')}</dt>
              <dd data-testid="count-zones">{counts.zones}</dd>
              {DEVICE_KINDS.map((kind) => (
                <FragmentRow key={kind} kind={kind} label={t(`devices.${kind}Plural`)} count={counts.devices[kind]} />
              ))}
            </dl>
          </section>

          {materials.length > 0 && (
            <section className="inspector__section">
              <h2 className="section-title">{t('inspector.materials')}</h2>
              <ul className="legend">
                {materials.map((m) => (
                  <li key={m.id}>
                    <span className="legend__swatch legend__swatch--wall" style={{ background: m.colour }} aria-hidden="true" />
                    <span className="legend__label">{m.name}</span>
                    <span className="legend__value" title={t('inspector.attenuationHint')}>
                      {formatDb(m.attenuationDb, language)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function FragmentRow({ kind, label, count }: { kind: DeviceKind; label: string; count: number }) {
  return (
    <>
      <dt>
        <DeviceGlyph kind={kind} size={10} />
        {label}
      </dt>
      <dd data-testid={`count-${kind}`}>{count}</dd>
    </>
  );
}
