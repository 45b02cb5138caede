// "Import plan…": a hidden file input for PNG and JPEG. The file is read here and judged by the back end
// by its bytes; a file that is not an image is refused with a message and the project stays as it was.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../state/app-context';
import { importPlanImage, MAX_PLAN_FILE_BYTES } from '../editor/plan-image-actions';
import { setPlanImportTrigger } from '../planner-commands';
import { IMAGE_ICON } from './tool-icons';

export function PlanImageButton() {
  const { t } = useTranslation();
  const services = useApp();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setPlanImportTrigger(() => input.current?.click());
    return () => setPlanImportTrigger(null);
  }, []);
  return (
    <>
      <button type="button" className="tool-button" title={t('planner.toolbar.importHint')} onClick={() => input.current?.click()} data-testid="plan-import">
        {IMAGE_ICON}
        <span className="tool-button__text">{t('planner.toolbar.import')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,.png,.jpg,.jpeg"
        hidden
        data-testid="plan-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire again
          if (file) void importPlanImage(services, file, t('planner.image.tooLarge', { name: file.name, limit: MAX_PLAN_FILE_BYTES / 1048576 }));
        }}
      />
    </>
  );
}
