// The web shell's transport: the API contract over one WebSocket (electron/web/web-shell.ts).
// Messages: {t:'call', id, method, args} → {t:'result', id, value} | {t:'error', id, message};
// the server pushes {t:'event', event, payload} for every back-end event.
// The socket reconnects with exponential backoff; calls made while it is down wait for it to come back,
// calls in flight when it drops fail with a clear message (the server may or may not have run them).
import type { Transport } from '../../../shared/api/client';
import type { EventName, MethodName, Unsubscribe } from '../../../shared/api/contract';
import type { ConnectionSource, ConnectionState } from './connection';

/** The part of the browser's WebSocket this transport uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface Timers {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WebSocketTransportOptions {
  readonly url: string;
  readonly createSocket?: (url: string) => SocketLike;
  /** Delay before reconnection attempt `attempt` (0-based). */
  readonly backoffMs?: (attempt: number) => number;
  readonly timers?: Timers;
}

export interface WebSocketTransport extends Transport, ConnectionSource {
  /** Stops reconnecting and closes the socket; pending calls fail. */
  dispose(): void;
}

const OPEN = 1;

/** 250 ms, 500 ms, 1 s, 2 s, then every 4 s: quick after a blip, gentle when the server is gone. */
export const defaultBackoffMs = (attempt: number): number => Math.min(250 * 2 ** attempt, 4000);

export const CONNECTION_LOST_MESSAGE = 'The connection to the back end was lost before it answered.';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const timers: Timers = options.timers ?? {
    setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };

  let socket: SocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let retryTimer: unknown = null;
  let disposed = false;
  let nextId = 1;
  /** Sent and waiting for an answer. */
  const inFlight = new Map<number, Pending>();
  /** Made while the socket was down; sent as soon as it opens. */
  const queued: { message: string; id: number; pending: Pending }[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) l(next);
  };

  const connect = () => {
    retryTimer = null;
    if (disposed) return;
    const s = createSocket(options.url);
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      attempt = 0;
      setState('open');
      for (const q of queued.splice(0)) {
        inFlight.set(q.id, q.pending);
        s.send(q.message);
      }
    };
    s.onmessage = (ev) => {
      if (socket === s) receive(ev.data);
    };
    s.onerror = () => {
      // Always followed by onclose, which does the work.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      for (const [id, p] of inFlight) {
        inFlight.delete(id);
        p.reject(new Error(CONNECTION_LOST_MESSAGE));
      }
      if (disposed) return;
      setState('lost');
      retryTimer = timers.setTimeout(connect, backoffMs(attempt++));
    };
  };

  const receive = (data: unknown) => {
    let message: { t?: unknown; id?: unknown; value?: unknown; message?: unknown; event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (message.t === 'event' && typeof message.event === 'string') {
      for (const l of [...(eventListeners.get(message.event) ?? [])]) l(message.payload);
      return;
    }
    if (typeof message.id !== 'number') return;
    const pending = inFlight.get(message.id);
    if (!pending) return;
    inFlight.delete(message.id);
    if (message.t === 'result') pending.resolve(message.value);
    else pending.reject(new Error(typeof message.message === 'string' ? message.message : 'the back end answered with an error'));
  };

  connect();

  return {
    invoke(method: MethodName, args: unknown): Promise<unknown> {
      if (disposed) return Promise.reject(new Error('The connection to the back end is closed.'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const message = JSON.stringify({ t: 'call', id, method, args });
        const pending = { resolve, reject };
        if (socket && socket.readyState === OPEN && state === 'open') {
          inFlight.set(id, pending);
          socket.send(message);
        } else {
          queued.push({ message, id, pending });
        }
      });
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe {
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    get connectionState() {
      return state;
    },
    onConnectionState(listener: (state: ConnectionState) => void): Unsubscribe {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      const s = socket;
      socket = null;
      s?.close();
      for (const [id, p] of inFlight) {
        inFlight.delete(id);
        p.reject(new Error('The connection to the back end is closed.'));
      }
      for (const q of queued.splice(0)) q.pending.reject(new Error('The connection to the back end is closed.'));
    },
  };
}
