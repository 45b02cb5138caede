// Title and tool bar: the project's name, the file commands, recent projects, and the window's settings.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Language } from '../../../shared/api/app-api';
import { formatShortcut } from '../commands/keymap';
import { useApp, useProject, useUi } from '../state/app-context';
import { selectResolvedTheme } from '../state/ui-store';
import { DropdownMenu } from '../ui/DropdownMenu';
import { ChevronDownIcon, CommandIcon, HistoryIcon, MoonIcon, NewIcon, OpenIcon, SaveAsIcon, SunIcon } from '../ui/icons';
import { CommandButton } from './CommandButton';

const LANGUAGES: readonly Language[] = ['en', 'fr'];

export function TitleBar() {
  const { t } = useTranslation();
  const { commands, isMac } = useApp();
  const project = useProject(useShallow((s) => ({ name: s.info?.displayName ?? null, untitled: s.info?.untitled ?? false, building: s.snapshot?.building.name ?? null })));
  const recent = useProject((s) => s.recent);
  const currentPath = useProject((s) => s.info?.path ?? null);
  const language = useUi((s) => s.language);
  const dark = useUi((s) => selectResolvedTheme(s) === 'dark');
  const paletteShortcut = formatShortcut('Mod+Shift+P', isMac);

  return (
    <header className="title-bar">
      <div className="title-bar__brand" aria-label="Meterplan">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="2" width="20" height="20" rx="4" fill="var(--accent)" />
          <path d="M6 17V8l6 5 6-5v9" stroke="#fff" strokeWidth="2.2" fill="none" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
        <span>{t('app.name')}</span>
      </div>
      <div className="title-bar__project" data-testid="project-title">
        {project.name ? (
          <>
            <span className="title-bar__file" title={currentPath ?? undefined}>
              {project.name}
              {project.untitled && <span className="badge">{t('titleBar.untitled')}</span>}
            </span>
            {project.building && <span className="title-bar__building">— {project.building}</span>}
          </>
        ) : (
          <span className="title-bar__muted">{t('titleBar.noProject')}</span>
        )}
      </div>
      <nav className="title-bar__tools" aria-label={t('titleBar.fileTools')}>
        <CommandButton id="project.new" icon={<NewIcon size={16} />} text={t('titleBar.new')} testId="tool-new" />
        <CommandButton id="project.open" icon={<OpenIcon size={16} />} text={t('titleBar.open')} testId="tool-open" />
        <CommandButton id="project.saveAs" icon={<SaveAsIcon size={16} />} text={t('titleBar.saveAs')} testId="tool-save-as" />
        <DropdownMenu
          testId="tool-recent"
          align="right"
          title={t('titleBar.recentHint')}
          ariaLabel={t('titleBar.recent')}
          label={
            <>
              <HistoryIcon size={16} />
              <span className="tool-button__text">{t('titleBar.recent')}</span>
              <ChevronDownIcon size={14} />
            </>
          }
          empty={t('titleBar.noRecent')}
          items={recent.map((r) => ({
            key: r.path,
            label: r.displayName,
            detail: r.path,
            title: r.path,
            disabled: r.path === currentPath,
            onSelect: () => void commands.run(`project.openPath:${r.path}`),
          }))}
        />
      </nav>
      <div className="title-bar__settings">
        <button
          type="button"
          className="tool-button"
          title={`${t('commands.app.commandPalette')} (${paletteShortcut})`}
          aria-label={t('commands.app.commandPalette')}
          onClick={() => void commands.run('app.commandPalette')}
          data-testid="tool-palette"
        >
          <CommandIcon size={16} />
          <kbd>{paletteShortcut}</kbd>
        </button>
        <DropdownMenu
          testId="tool-language"
          align="right"
          title={t('titleBar.language')}
          label={
            <>
              <span className="title-bar__lang">{language.toUpperCase()}</span>
              <ChevronDownIcon size={14} />
            </>
          }
          empty={null}
          items={LANGUAGES.map((l) => ({
            key: l,
            label: t(`language.${l}`),
            disabled: l === language,
            onSelect: () => void commands.run(`app.setLanguage:${l}`),
          }))}
        />
        <button
          type="button"
          className="icon-button"
          data-testid="tool-theme"
          title={dark ? t('titleBar.toLight') : t('titleBar.toDark')}
          aria-label={dark ? t('titleBar.toLight') : t('titleBar.toDark')}
          onClick={() => void commands.run('app.toggleTheme')}
        >
          {dark ? <SunIcon size={17} /> : <MoonIcon size={17} />}
        </button>
      </div>
    </header>
  );
}
