// An objective's translated name with its unit and direction: "Coverage (%) ↑ max".
import { useTranslation } from 'react-i18next';
import { objectiveColour, objectiveLabelKey, type ObjectiveInfo } from './objectives';

export function useObjectiveLabel(): (o: ObjectiveInfo) => string {
  const { t } = useTranslation();
  return (o) => {
    const key = objectiveLabelKey(o.name);
    const name = key ? t(key) : o.name;
    const unit = o.unit === 'units' ? t('optimizer.units.costUnits') : o.unit;
    return unit ? `${name} (${unit})` : name;
  };
}

export function ObjectiveName({ objective }: { objective: ObjectiveInfo }) {
  const { t } = useTranslation();
  const label = useObjectiveLabel();
  const max = objective.direction === 'maximize';
  return (
    <span className="objective-name">
      <span className="objective-name__swatch" style={{ background: objectiveColour(objective.name) }} aria-hidden="true" />
      <span className="objective-name__text">{label(objective)}</span>
      <span className={`objective-name__direction is-${max ? 'max' : 'min'}`} title={t(max ? 'optimizer.direction.maximiseHint' : 'optimizer.direction.minimiseHint')}>
        {t(max ? 'optimizer.direction.maximise' : 'optimizer.direction.minimise')}
      </span>
    </span>
  );
}
