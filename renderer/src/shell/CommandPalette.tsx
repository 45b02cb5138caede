// The command palette (Ctrl/Cmd+Shift+P): every command that needs no input, filtered as one types.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../commands/keymap';
import { useApp, useProject, useUi } from '../state/app-context';
import { Modal } from '../ui/Modal';

/** Every word typed must start a word of the label, or appear in the id ("sav as", "theme"). */
export function matchesQuery(label: string, id: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = label.toLowerCase();
  return words.every((w) => hay.includes(w) || id.toLowerCase().includes(w));
}

export function CommandPalette() {
  const { t } = useTranslation();
  const { commands, isMac } = useApp();
  const closeDialog = useUi((s) => s.closeDialog);
  useProject((s) => s.info !== null); // availability changes with the open project
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);

  const items = useMemo(
    () =>
      commands
        .all()
        .filter((c) => !c.needsInput)
        .map((c) => ({ command: c, label: t(c.label), enabled: commands.isEnabled(c) }))
        .filter((i) => matchesQuery(i.label, i.command.id, query)),
    [commands, query, t],
  );
  const selected = Math.min(index, Math.max(items.length - 1, 0));

  const run = (i: number) => {
    const item = items[i];
    if (!item || !item.enabled) return;
    closeDialog();
    void commands.run(item.command.id);
  };

  return (
    <Modal title={t('palette.title')} onClose={closeDialog} className="modal--palette" testId="command-palette" bare>
      <input
        className="text-input palette__input"
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.placeholder')}
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((selected + 1) % Math.max(items.length, 1));
          else if (e.key === 'ArrowUp') setIndex((selected - 1 + items.length) % Math.max(items.length, 1));
          else if (e.key === 'Enter') run(selected);
          else return;
          e.preventDefault();
        }}
        data-testid="palette-input"
      />
      <ul className="palette__list" role="listbox" aria-label={t('palette.title')}>
        {items.length === 0 && <li className="palette__empty">{t('palette.noMatch')}</li>}
        {items.map((item, i) => (
          <li
            key={item.command.id}
            role="option"
            aria-selected={i === selected}
            aria-disabled={!item.enabled}
            className={`palette__item${i === selected ? ' is-selected' : ''}${item.enabled ? '' : ' is-disabled'}`}
            onPointerMove={() => setIndex(i)}
            onClick={() => run(i)}
          >
            <span>{item.label}</span>
            {item.command.shortcut && <kbd>{formatShortcut(item.command.shortcut, isMac)}</kbd>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
