// The desktop shell's transport: the preload (electron/desktop/preload.ts) exposes one function per
// method and `on(event, listener)` as `window.meterplan`; this adapts it to the two transport primitives.
import type { Transport } from '../../../shared/api/client';
import type { EventName, MethodName, Unsubscribe } from '../../../shared/api/contract';

export interface DesktopBridge {
  on(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
  [method: string]: unknown;
}

export function isDesktopBridge(value: unknown): value is DesktopBridge {
  return typeof value === 'object' && value !== null && typeof (value as { on?: unknown }).on === 'function';
}

export function createDesktopTransport(bridge: DesktopBridge): Transport {
  return {
    invoke(method: MethodName, args: unknown): Promise<unknown> {
      const f = bridge[method];
      if (typeof f !== 'function') return Promise.reject(new Error(`the desktop shell does not offer ${method}`));
      return Promise.resolve((f as (a: unknown) => unknown)(args));
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  };
}
