// Picks the transport the page runs under: the desktop preload's bridge when it is there, otherwise the
// web shell's WebSocket. Either way the renderer sees only the typed API (createApiClient).
import { createApiClient } from '../../../shared/api/client';
import type { MeterplanApi } from '../../../shared/api/contract';
import { alwaysOpen, type ConnectionSource } from './connection';
import { createDesktopTransport, isDesktopBridge } from './desktop-transport';
import { apiSocketUrl, takeSessionToken } from './session-token';
import { createWebSocketTransport } from './websocket-transport';

export type Backend =
  | { readonly ok: true; readonly api: MeterplanApi; readonly connection: ConnectionSource }
  | { readonly ok: false; readonly reason: 'missing-token' };

export function connectBackend(win: Window): Backend {
  const onDropped = (message: string) => console.warn(`meterplan: ${message}`);
  const bridge = (win as unknown as { meterplan?: unknown }).meterplan;
  if (isDesktopBridge(bridge)) {
    return { ok: true, api: createApiClient(createDesktopTransport(bridge), onDropped), connection: alwaysOpen };
  }
  const token = takeSessionToken({
    location: win.location,
    storage: win.sessionStorage,
    replaceUrl: (url) => win.history.replaceState(null, '', url),
  });
  if (!token) return { ok: false, reason: 'missing-token' };
  const transport = createWebSocketTransport({ url: apiSocketUrl(win.location.href, token) });
  return { ok: true, api: createApiClient(transport, onDropped), connection: transport };
}
