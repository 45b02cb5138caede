// Shown when no project is open: start a project, open one, open the example, or pick a recent file.
import { useTranslation } from 'react-i18next';
import { useApp, useProject, useUi } from '../../state/app-context';
import { NewIcon, OpenIcon, PlanIcon } from '../../ui/icons';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const recent = useProject((s) => s.recent);
  const language = useUi((s) => s.language);
  // British English for 'en': day before month and a 24-hour clock, as engineers in Europe write them.
  const dateFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="welcome" data-testid="welcome">
      <div className="welcome__column">
        <h1 className="welcome__title">{t('welcome.title')}</h1>
        <p className="welcome__lead">{t('welcome.lead')}</p>
        <div className="welcome__actions">
          <button type="button" className="welcome__action" onClick={() => void commands.run('project.new')} data-testid="welcome-new">
            <NewIcon size={22} />
            <span>
              <strong>{t('welcome.new')}</strong>
              <small>{t('welcome.newHint')}</small>
            </span>
          </button>
          <button type="button" className="welcome__action" onClick={() => void commands.run('project.open')} data-testid="welcome-open">
            <OpenIcon size={22} />
            <span>
              <strong>{t('welcome.open')}</strong>
              <small>{t('welcome.openHint')}</small>
            </span>
          </button>
          <button type="button" className="welcome__action" onClick={() => void commands.run('project.openExample')} data-testid="welcome-example">
            <PlanIcon size={22} />
            <span>
              <strong>{t('welcome.example')}</strong>
              <small>{t('welcome.exampleHint')}</small>
            </span>
          </button>
        </div>
      </div>
      <div className="welcome__column">
        <h2 className="section-title">{t('welcome.recent')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('welcome.noRecent')}</p>
        ) : (
          <ul className="recent-list" data-testid="recent-list">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="recent-list__item" title={r.path} onClick={() => void commands.run(`project.openPath:${r.path}`)}>
                  <span className="recent-list__name">{r.displayName}</span>
                  <span className="recent-list__path">{r.path}</span>
                  <span className="recent-list__date">{formatDate(dateFormat, r.openedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : format.format(d);
}
