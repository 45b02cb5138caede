// The web shell's per-launch token arrives in the page URL (`?token=…`). It is kept in sessionStorage so
// that a reload still connects, and removed from the visible URL so it does not end up in screenshots,
// bookmarks or the history.
export const TOKEN_STORAGE_KEY = 'meterplan.token';

export interface TokenEnvironment {
  readonly location: { readonly href: string };
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** history.replaceState */
  replaceUrl(url: string): void;
}

export function takeSessionToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    env.replaceUrl(url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

/** ws://host/api?token=… on the page's own origin (the server checks Origin and Host). */
export function apiSocketUrl(pageHref: string, token: string): string {
  const page = new URL(pageHref);
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}/api?token=${encodeURIComponent(token)}`;
}
