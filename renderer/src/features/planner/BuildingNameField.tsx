// The building's name, edited in place. Enter or leaving the field commits it (updateBuilding; every
// edit is saved at once), Escape restores it. A refusal is shown under the field and the typed text stays.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/app-context';

/** The limit of BuildingSchema.name (shared/model/building.ts). */
const MAX_NAME_LENGTH = 200;

export function BuildingNameField({ name }: { name: string }) {
  const { t } = useTranslation();
  const { project } = useApp();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = useRef(false);
  /** Escape blurs the field too: its blur must not commit what was just abandoned. */
  const abandoned = useRef(false);

  // Follow changes from elsewhere (another window, undo) unless the user is typing.
  useEffect(() => {
    if (!editing.current) setDraft(name);
  }, [name]);

  const commit = async () => {
    editing.current = false;
    if (abandoned.current) {
      abandoned.current = false;
      return;
    }
    const next = draft.trim();
    if (next === name) {
      setDraft(name);
      setError(null);
      return;
    }
    if (!next) {
      setError(t('inspector.nameEmpty'));
      return;
    }
    setSaving(true);
    const r = await project.updateBuilding({ name: next });
    setSaving(false);
    if (r.ok) {
      setError(null);
      setDraft(r.value.name);
    } else {
      setError(r.message);
    }
  };

  return (
    <div className="field">
      <label htmlFor="building-name" className="field-label">
        {t('inspector.buildingName')}
      </label>
      <input
        id="building-name"
        className={`text-input${error ? ' has-error' : ''}`}
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        aria-invalid={error !== null}
        aria-describedby="building-name-error"
        data-testid="building-name"
        onFocus={() => (editing.current = true)}
        onChange={(e) => {
          editing.current = true;
          setDraft(e.target.value);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            editing.current = false;
            abandoned.current = true;
            setDraft(name);
            setError(null);
            e.currentTarget.blur();
          }
        }}
      />
      {saving && <p className="field-hint">{t('status.saving')}</p>}
      <p id="building-name-error" className="field-error" role="alert" hidden={error === null}>
        {error}
      </p>
    </div>
  );
}
