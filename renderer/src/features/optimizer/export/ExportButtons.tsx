// The export buttons of the Optimise view; each runs its export command (as the palette and menu do).
import { useTranslation } from 'react-i18next';
import { ExportFormatSchema } from '../../../../../shared/api/export-api';
import { useApp } from '../../../state/app-context';

export function ExportButtons() {
  const { t } = useTranslation();
  const { commands } = useApp();
  return (
    <div className="export-buttons" role="group" aria-label={t('optimizer.export.group')}>
      <span className="export-buttons__label">{t('optimizer.export.group')}</span>
      {ExportFormatSchema.options.map((f) => (
        <button key={f} type="button" className="text-button text-button--small" title={t(`optimizer.commands.export.${f}`)} onClick={() => void commands.run(`export.${f}`)} data-testid={`export-${f}`}>
          {t(`optimizer.export.short.${f}`)}
        </button>
      ))}
    </div>
  );
}
