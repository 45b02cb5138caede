// The floor: its size and grid pitch (editable), area, level, and its plan image with its scale.
import { useTranslation } from 'react-i18next';
import type { Floor } from '../../../../../shared/model/building';
import { formatDimensions, formatNumber, formatSquareMetres } from '../../../i18n/format';
import { useApp, useUi } from '../../../state/app-context';
import { floorOutline } from '../canvas/scene';
import { persist } from '../editor/plan-actions';
import { polygonAreaM2 } from '../polygon-area';
import { NumberField } from './NumberField';

export function FloorSection({ floor }: { floor: Floor }) {
  const { t } = useTranslation();
  const services = useApp();
  const language = useUi((s) => s.language);
  const update = (patch: { widthM?: number; heightM?: number; gridPitchM?: number }) => persist(services, () => services.api.updateFloor({ id: floor.id, ...patch }));
  const plan = floor.plan;
  return (
    <section className="inspector__section">
      <h2 className="section-title">{t('inspector.floor', { name: floor.name })}</h2>
      <dl className="props">
        <dt>{t('inspector.dimensions')}</dt>
        <dd data-testid="floor-dimensions">{formatDimensions(floor.widthM, floor.heightM, language)}</dd>
        <dt>{t('inspector.area')}</dt>
        <dd data-testid="floor-area">{formatSquareMetres(polygonAreaM2(floorOutline(floor)), language)}</dd>
        <dt>{t('inspector.level')}</dt>
        <dd>{floor.level}</dd>
      </dl>
      <div className="prop-grid prop-grid--floor">
        <NumberField label={t('planner.inspector.width')} unit="m" value={floor.widthM} positive onCommit={(v) => update({ widthM: v })} testId="floor-width" />
        <NumberField label={t('planner.inspector.height')} unit="m" value={floor.heightM} positive onCommit={(v) => update({ heightM: v })} testId="floor-height" />
        <NumberField label={t('inspector.gridPitch')} unit="m" value={floor.gridPitchM} positive onCommit={(v) => update({ gridPitchM: v })} testId="floor-pitch" />
      </div>
      {plan && (
        <div className="plan-image-info" data-testid="plan-image-info">
          <p className="field-hint">
            {t('planner.image.info', {
              width: plan.widthPx,
              height: plan.heightPx,
              scale: formatNumber(plan.metresPerPx * 1000, language, 2),
            })}
          </p>
          <button type="button" className="text-button" onClick={() => void persist(services, () => services.api.removePlanImage({ floorId: floor.id }))} data-testid="plan-image-remove">
            {t('planner.image.remove')}
          </button>
        </div>
      )}
    </section>
  );
}
