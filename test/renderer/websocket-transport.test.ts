import { describe, expect, it } from 'vitest';
import { CONNECTION_LOST_MESSAGE, createWebSocketTransport, defaultBackoffMs, type SocketLike } from '../../renderer/src/api/websocket-transport';
import type { ConnectionState } from '../../renderer/src/api/connection';
import { flush } from './fake-api';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

/** Timers the test fires by hand, recording the delays asked for. */
function manualTimers() {
  const pending: { f: () => void; ms: number }[] = [];
  return {
    pending,
    timers: {
      setTimeout: (f: () => void, ms: number) => {
        const t = { f, ms };
        pending.push(t);
        return t;
      },
      clearTimeout: (h: unknown) => {
        const i = pending.indexOf(h as { f: () => void; ms: number });
        if (i >= 0) pending.splice(i, 1);
      },
    },
    fireNext() {
      pending.shift()!.f();
    },
  };
}

function setup() {
  const sockets: FakeSocket[] = [];
  const clock = manualTimers();
  const transport = createWebSocketTransport({
    url: 'ws://127.0.0.1:1/api?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    timers: clock.timers,
  });
  const states: ConnectionState[] = [];
  transport.onConnectionState((s) => states.push(s));
  return { transport, sockets, clock, states, last: () => sockets[sockets.length - 1]! };
}

describe('WebSocket transport', () => {
  it('holds calls made before the socket opens and sends them when it does', async () => {
    const { transport, last } = setup();
    expect(transport.connectionState).toBe('connecting');
    const answer = transport.invoke('getAppInfo', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ t: 'call', id: 1, method: 'getAppInfo', args: {} }]);
    last().receive({ t: 'result', id: 1, value: { name: 'Meterplan' } });
    expect(await answer).toEqual({ name: 'Meterplan' });
  });

  it('matches answers to calls by id, whatever their order, and turns errors into rejections', async () => {
    const { transport, last } = setup();
    last().open();
    const a = transport.invoke('getSettings', {});
    const b = transport.invoke('openProject', { path: '/x' });
    last().receive({ t: 'error', id: 2, message: 'invalid arguments for openProject' });
    last().receive({ t: 'result', id: 1, value: 'settings' });
    await expect(b).rejects.toThrow('invalid arguments for openProject');
    expect(await a).toBe('settings');
  });

  it('delivers pushed events to their listeners until they unsubscribe, and ignores garbage', () => {
    const { transport, last } = setup();
    last().open();
    const got: unknown[] = [];
    const off = transport.subscribe('projectEdited', (p) => got.push(p));
    last().receive({ t: 'event', event: 'projectEdited', payload: { revision: 3 } });
    last().receive({ t: 'event', event: 'projectChanged', payload: null });
    last().onmessage?.({ data: 'not json' });
    last().receive({ t: 'result', id: 999, value: 1 });
    off();
    last().receive({ t: 'event', event: 'projectEdited', payload: { revision: 4 } });
    expect(got).toEqual([{ revision: 3 }]);
  });

  it('fails calls in flight when the link drops, says so, and reconnects with growing delays', async () => {
    const { transport, sockets, clock, states, last } = setup();
    last().open();
    const inFlight = transport.invoke('getSettings', {});
    last().drop();
    await expect(inFlight).rejects.toThrow(CONNECTION_LOST_MESSAGE);
    expect(transport.connectionState).toBe('lost');

    // Calls made while down wait for the next socket.
    const later = transport.invoke('getAppInfo', {});
    expect(clock.pending.map((t) => t.ms)).toEqual([250]);
    clock.fireNext();
    expect(sockets).toHaveLength(2);
    last().drop(); // refused again
    expect(clock.pending.map((t) => t.ms)).toEqual([500]);
    clock.fireNext();
    last().open();
    expect(states).toEqual(['open', 'lost', 'open']);
    expect(last().sent).toEqual([{ t: 'call', id: 2, method: 'getAppInfo', args: {} }]);
    last().receive({ t: 'result', id: 2, value: 'info' });
    expect(await later).toBe('info');

    // A successful connection resets the backoff.
    last().drop();
    expect(clock.pending.map((t) => t.ms)).toEqual([250]);
  });

  it('backs off 250 ms, 500 ms, 1 s, 2 s, then every 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(defaultBackoffMs)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('stops for good when disposed: pending calls fail, no reconnection', async () => {
    const { transport, clock, last } = setup();
    const queued = transport.invoke('getAppInfo', {});
    transport.dispose();
    await expect(queued).rejects.toThrow('closed');
    expect(clock.pending).toEqual([]);
    await expect(transport.invoke('getAppInfo', {})).rejects.toThrow('closed');
    expect(last().readyState).toBe(3);
    await flush();
  });
});
