// Scale calibration, over the canvas while the calibrate tool is in hand: click two points of a known
// dimension on the plan image, type the distance between them, apply. A distance that is empty, zero,
// negative or not a number is explained here, before anything is sent; the back end's refusals (points
// too close, an absurd floor size) are shown the same way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PlanImage } from '../../../../../shared/model/building';
import { formatNumber } from '../../../i18n/format';
import { useApp, useUi } from '../../../state/app-context';
import { editorStore, setTool } from '../editor/editor-store';
import { calibrate, parseDistanceM } from '../editor/plan-image-actions';

export function CalibrationPanel({ plan }: { plan: PlanImage | null }) {
  const { t } = useTranslation();
  const services = useApp();
  const language = useUi((s) => s.language);
  const tool = useStore(editorStore, (s) => s.tool);
  const points = useStore(editorStore, (s) => s.calibration);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (tool !== 'calibrate' || !plan) return null;

  const px = points.length === 2 ? Math.hypot(points[1]!.x - points[0]!.x, points[1]!.y - points[0]!.y) : null;
  const apply = async () => {
    const parsed = parseDistanceM(text);
    if (!parsed.ok) return setError(t(`planner.calibration.${parsed.reason}`, { text }));
    setBusy(true);
    const r = await calibrate(services, points[0]!, points[1]!, parsed.value);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setText('');
  };
  const cancel = () => {
    setError(null);
    setText('');
    editorStore.setState({ calibration: [] });
    setTool(editorStore, 'select');
  };

  return (
    <section className="plan-float plan-calibration" aria-label={t('planner.calibration.title')} data-testid="calibration-panel">
      <h2 className="plan-float__title">{t('planner.calibration.title')}</h2>
      <p className="plan-float__text" data-testid="calibration-step">
        {points.length === 0 ? t('planner.calibration.first') : points.length === 1 ? t('planner.calibration.second') : t('planner.calibration.distance', { px: formatNumber(px!, language, 1) })}
      </p>
      {points.length === 2 && (
        <form
          className="plan-calibration__form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <input
            className={`text-input${error ? ' has-error' : ''}`}
            value={text}
            autoFocus
            inputMode="decimal"
            placeholder={t('planner.calibration.placeholder')}
            aria-label={t('planner.calibration.placeholder')}
            aria-invalid={error !== null}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => e.key === 'Escape' && cancel()}
            data-testid="calibration-distance"
          />
          <span className="plan-calibration__unit">m</span>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="calibration-apply">
            {t('planner.calibration.apply')}
          </button>
        </form>
      )}
      <p className="field-error" role="alert" hidden={error === null} data-testid="calibration-error">
        {error}
      </p>
      <div className="plan-float__actions">
        {points.length > 0 && (
          <button type="button" className="text-button" onClick={() => editorStore.setState({ calibration: [] })}>
            {t('planner.calibration.restart')}
          </button>
        )}
        <button type="button" className="text-button" onClick={cancel} data-testid="calibration-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
