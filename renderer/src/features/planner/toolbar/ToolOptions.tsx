// Options of the tool in hand: material and thickness of new walls, kind of new zones; a one-line
// hint for the others.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { formatDb } from '../../../i18n/format';
import { useProject, useUi } from '../../../state/app-context';
import { editorStore, type DrawnZoneKind, type Tool } from '../editor/editor-store';
import { parseDistanceM } from '../editor/plan-image-actions';

const ZONE_KINDS: readonly DrawnZoneKind[] = ['installable', 'exclusion', 'poi'];

export function ToolOptions({ tool }: { tool: Tool }) {
  const { t } = useTranslation();
  if (tool === 'wall') return <WallOptions />;
  if (tool === 'zone') return <ZoneOptions />;
  return <span className="plan-toolbar__hint">{t(`planner.hints.${tool}`)}</span>;
}

function WallOptions() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const materials = useProject((s) => s.snapshot?.materials ?? []);
  const { materialId, thicknessM } = useStore(editorStore, useShallow((s) => ({ materialId: s.wallMaterialId, thicknessM: s.wallThicknessM })));
  const [draft, setDraft] = useState<string | null>(null);
  const chosen = materialId ?? materials[0]?.id ?? '';
  const commitThickness = () => {
    if (draft === null) return;
    const r = parseDistanceM(draft);
    if (r.ok && r.value <= 5) editorStore.setState({ wallThicknessM: r.value });
    setDraft(null);
  };
  return (
    <>
      <div className="plan-toolbar__group plan-toolbar__options">
        <label className="plan-toolbar__field">
          <span>{t('planner.toolbar.material')}</span>
          <select className="select-input" value={chosen} onChange={(e) => editorStore.setState({ wallMaterialId: Number(e.target.value) })} data-testid="wall-material">
            {materials.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {formatDb(m.attenuationDb, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="plan-toolbar__field">
          <span>{t('planner.toolbar.thickness')}</span>
          <input
            className="text-input plan-toolbar__number"
            value={draft ?? String(thicknessM)}
            inputMode="decimal"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commitThickness}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            data-testid="wall-thickness"
          />
          <span>m</span>
        </label>
      </div>
      <span className="plan-toolbar__hint">{t('planner.hints.wall')}</span>
    </>
  );
}

function ZoneOptions() {
  const { t } = useTranslation();
  const kind = useStore(editorStore, (s) => s.zoneKind);
  return (
    <>
      <div className="plan-toolbar__group plan-toolbar__options">
        <label className="plan-toolbar__field">
          <span>{t('planner.toolbar.zoneKind')}</span>
          <select className="select-input" value={kind} onChange={(e) => editorStore.setState({ zoneKind: e.target.value as DrawnZoneKind })} data-testid="zone-kind">
            {ZONE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`planner.zoneKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <span className="plan-toolbar__hint">{t(kind === 'poi' ? 'planner.hints.poi' : 'planner.hints.zone')}</span>
    </>
  );
}
