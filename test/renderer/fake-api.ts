// A MeterplanApi for renderer tests: the methods a test gives, events it can emit, and a record of calls.
import type { EventName, EventPayload, MeterplanApi, MethodArgs, MethodName, MethodResult } from '../../shared/api/contract';

type Impl = { [N in MethodName]?: (args: MethodArgs<N>) => Promise<MethodResult<N>> | MethodResult<N> };

export interface FakeApi {
  readonly api: MeterplanApi;
  readonly calls: { method: string; args: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
}

export function createFakeApi(impl: Impl): FakeApi {
  const calls: { method: string; args: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = new Proxy({} as MeterplanApi, {
    get(_t, name: string) {
      if (name === 'on') {
        return (event: string, listener: (p: unknown) => void) => {
          let set = listeners.get(event);
          if (!set) listeners.set(event, (set = new Set()));
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      if (name === 'then') return undefined; // not a thenable
      return async (args: unknown) => {
        calls.push({ method: name, args });
        const f = (impl as Record<string, ((a: unknown) => unknown) | undefined>)[name];
        if (!f) throw new Error(`fake api: ${name} not implemented in this test`);
        return f(args);
      };
    },
  });
  return {
    api,
    calls,
    emit: (event, payload) => {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** A promise whose settlement the test decides. */
export function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: Error): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
