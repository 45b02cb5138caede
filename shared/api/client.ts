// Renderer side of the contract: builds the typed API from a transport's two primitives, and validates
// every answer and event against the contract's schema (the renderer trusts nothing it receives).
import {
  eventNames,
  events,
  methodNames,
  methods,
  type EventListener,
  type EventName,
  type MeterplanApi,
  type MethodName,
  type Unsubscribe,
} from './contract';

export interface Transport {
  invoke(method: MethodName, args: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/** `onDropped` hears about events that failed their schema (they are not delivered). */
export function createApiClient(transport: Transport, onDropped: (message: string) => void = () => {}): MeterplanApi {
  const api: Record<string, unknown> = {};
  for (const name of methodNames) {
    api[name] = async (args: unknown) => {
      const raw = await transport.invoke(name, args ?? {});
      const parsed = methods[name].result.safeParse(raw);
      if (!parsed.success) throw new Error(`the back end answered ${name} with a malformed result: ${parsed.error.message}`);
      return parsed.data;
    };
  }
  api.on = <E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe => {
    if (!eventNames.includes(event)) throw new Error(`unknown event ${event}`);
    return transport.subscribe(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as Parameters<EventListener<E>>[0]);
      else onDropped(`dropped a malformed ${event} event: ${parsed.error.message}`);
    });
  };
  return api as MeterplanApi;
}
