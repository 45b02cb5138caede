// Puts the chosen theme on the document: data-theme="light|dark" drives the CSS variables in
// styles/tokens.css. 'system' follows prefers-color-scheme, also when the OS switches while we run.
import { selectResolvedTheme, type UiStore } from '../state/ui-store';

export function watchTheme(doc: Document, ui: UiStore): () => void {
  const media = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  const onMedia = () => ui.getState().setPrefersDark(media?.matches ?? false);
  onMedia();
  media?.addEventListener('change', onMedia);
  const apply = () => {
    const s = ui.getState();
    doc.documentElement.dataset.theme = selectResolvedTheme(s);
    doc.documentElement.dataset.themeChoice = s.theme;
  };
  apply();
  const unsubscribe = ui.subscribe(apply);
  return () => {
    media?.removeEventListener('change', onMedia);
    unsubscribe();
  };
}
