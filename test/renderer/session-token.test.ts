import { describe, expect, it } from 'vitest';
import { apiSocketUrl, takeSessionToken, TOKEN_STORAGE_KEY } from '../../renderer/src/api/session-token';

function env(href: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    env: {
      location: { href },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      replaceUrl: (u: string) => void replaced.push(u),
    },
  };
}

describe('the web shell token', () => {
  it('is taken from the URL, kept for reloads, and removed from the address bar', () => {
    const e = env('http://127.0.0.1:5000/?token=abc-123&x=1#plan');
    expect(takeSessionToken(e.env)).toBe('abc-123');
    expect(e.storage.get(TOKEN_STORAGE_KEY)).toBe('abc-123');
    expect(e.replaced).toEqual(['/?x=1#plan']);
  });

  it('comes from session storage after a reload, and is null when there is none', () => {
    expect(takeSessionToken(env('http://127.0.0.1:5000/', 'kept').env)).toBe('kept');
    expect(takeSessionToken(env('http://127.0.0.1:5000/').env)).toBeNull();
  });

  it('goes to /api on the page origin, escaped', () => {
    expect(apiSocketUrl('http://127.0.0.1:5000/?a=1', 'a+b/c')).toBe('ws://127.0.0.1:5000/api?token=a%2Bb%2Fc');
    expect(apiSocketUrl('https://example.test/', 't')).toBe('wss://example.test/api?token=t');
  });
});
