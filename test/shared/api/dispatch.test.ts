import { describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../shared/api/client';
import type { ApiHandlers } from '../../../shared/api/contract';
import { createDispatcher } from '../../../shared/api/dispatch';
import { ok } from '../../../shared/api/result';

// Only the handlers a test calls are implemented; the dispatcher must refuse before reaching the others.
const calls: unknown[] = [];
const handlers = {
  movePlacement: (args: unknown) => {
    calls.push(args);
    return ok(null);
  },
  getCurrentProject: () => null,
} as unknown as ApiHandlers;

describe('API dispatcher (receiving side)', () => {
  const dispatch = createDispatcher(handlers);

  it('passes validated arguments to the handler', async () => {
    calls.length = 0;
    await expect(dispatch('movePlacement', { id: 3, x: 1.5, y: 2 })).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ id: 3, x: 1.5, y: 2 }]);
  });

  it('refuses unknown methods and malformed arguments before any handler runs', async () => {
    calls.length = 0;
    await expect(dispatch('deleteEverything', {})).rejects.toThrow(/unknown method "deleteEverything"/);
    await expect(dispatch('__proto__', {})).rejects.toThrow(/unknown method/);
    await expect(dispatch('movePlacement', { id: -1, x: 1, y: 2 })).rejects.toThrow(/invalid arguments for movePlacement: id/);
    await expect(dispatch('movePlacement', { id: 1, x: Number.NaN, y: 2 })).rejects.toThrow(/invalid arguments for movePlacement: x/);
    await expect(dispatch('movePlacement', 'hello')).rejects.toThrow(/invalid arguments/);
    expect(calls).toEqual([]);
  });
});

describe('API client (renderer side)', () => {
  it('validates answers and events against the contract', async () => {
    let emit: (payload: unknown) => void = () => {};
    const dropped: string[] = [];
    const transport: Transport = {
      invoke: async (method) => (method === 'getCurrentProject' ? { path: 42 } : null),
      subscribe: (_event, listener) => {
        emit = listener;
        return () => {};
      },
    };
    const api = createApiClient(transport, (m) => dropped.push(m));
    await expect(api.getCurrentProject({})).rejects.toThrow(/malformed result/);
    const got: unknown[] = [];
    const unsubscribe = api.on('projectEdited', (p) => got.push(p));
    emit({ revision: 7 });
    emit({ revision: 'seven' });
    expect(got).toEqual([{ revision: 7 }]);
    expect(dropped).toHaveLength(1);
    expect(typeof unsubscribe).toBe('function');
  });
});
