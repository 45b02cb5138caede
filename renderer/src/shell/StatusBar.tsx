// The status bar: the project file and its save state, then the board link and optimisation slots
// (filled by later issues), and the link to the back end.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useProject, useUi } from '../state/app-context';
import { OptimiserStatusItem } from '../features/optimizer/OptimiserStatusItem';
import { BoardStatusItem } from '../features/scope/BoardStatusItem';
import { FileIcon } from '../ui/icons';

export function StatusBar() {
  const { t } = useTranslation();
  const project = useProject(
    useShallow((s) => ({
      path: s.info?.path ?? null,
      untitled: s.info?.untitled ?? false,
      formatVersion: s.info?.formatVersion ?? null,
      migratedFrom: s.info?.migratedFrom ?? null,
      saving: s.pendingEdits > 0,
    })),
  );
  const connection = useUi((s) => s.connection);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <div className="status-bar__group status-bar__group--grow">
        {project.path ? (
          <>
            <span className="status-item status-item--path" title={project.path} data-testid="status-path">
              <FileIcon size={13} />
              <span className="status-item__text">{project.path}</span>
            </span>
            <span className="status-item" data-testid="status-save">
              <span className={`dot ${project.saving ? 'dot--busy' : 'dot--ok'}`} aria-hidden="true" />
              {project.saving ? t('status.saving') : project.untitled ? t('status.savedUntitled') : t('status.saved')}
            </span>
            {project.formatVersion !== null && (
              <span className="status-item status-item--muted" title={t('status.formatHint')}>
                {t('status.format', { version: project.formatVersion })}
                {project.migratedFrom !== null && <span className="status-item__extra"> · {t('status.migrated', { from: project.migratedFrom })}</span>}
              </span>
            )}
          </>
        ) : (
          <span className="status-item status-item--muted">{t('status.noProject')}</span>
        )}
      </div>
      <div className="status-bar__group">
        <BoardStatusItem />
        <OptimiserStatusItem />
        <span className={`status-item status-item--connection is-${connection}`} data-testid="status-connection" role="status">
          <span className={`dot ${connection === 'open' ? 'dot--ok' : connection === 'lost' ? 'dot--error' : 'dot--busy'}`} aria-hidden="true" />
          {t(`status.connection.${connection}`)}
        </span>
      </div>
    </footer>
  );
}
