// The page was opened without the web shell's token (e.g. by typing the address): explain, do nothing.
import { useTranslation } from 'react-i18next';

export function MissingToken() {
  const { t } = useTranslation();
  return (
    <section className="empty-area empty-area--page" data-testid="missing-token">
      <h1 className="empty-area__title">{t('errors.missingTokenTitle')}</h1>
      <p className="empty-area__body">{t('errors.missingTokenBody')}</p>
    </section>
  );
}
