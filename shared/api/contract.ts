// The one contract between the renderer and the back end. Both transports (Electron IPC in the desktop
// shell, WebSocket in the web shell) implement exactly this; the renderer knows nothing else.
import type { z } from 'zod';
import { appEvents, appMethods } from './app-api';
import { catalogueEvents, catalogueMethods } from './catalogue-api';
import { deviceEvents, deviceMethods } from './device-api';
import { calibrationEvents, calibrationMethods } from '../calibration/calibration-api';
import { calibrationBenchEvents, calibrationBenchMethods } from './calibration-bench-api';
import { calibrationStoreEvents, calibrationStoreMethods } from './calibration-store-api';
import { exportEvents, exportMethods } from './export-api';
import { optimizationEvents, optimizationMethods } from './optimization-api';
import { projectEvents, projectMethods } from './project-api';

/** Prefix of every IPC channel; the desktop main process refuses any other. */
export const CHANNEL_PREFIX = 'meterplan:';

export const methods = { ...appMethods, ...catalogueMethods, ...projectMethods, ...optimizationMethods, ...exportMethods, ...calibrationMethods, ...calibrationStoreMethods, ...calibrationBenchMethods, ...deviceMethods } as const;
export const events = { ...appEvents, ...catalogueEvents, ...projectEvents, ...optimizationEvents, ...exportEvents, ...calibrationEvents, ...calibrationStoreEvents, ...calibrationBenchEvents, ...deviceEvents } as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<N extends MethodName> = z.input<Methods[N]['args']>;
export type MethodResult<N extends MethodName> = z.output<Methods[N]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** What the renderer holds: one function per method, and `on` to subscribe to an event. */
export type MeterplanApi = { [N in MethodName]: (args: MethodArgs<N>) => Promise<MethodResult<N>> } & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/** What the back end implements: one handler per method. Handlers receive arguments already validated. */
export type ApiHandlers = {
  [N in MethodName]: (args: z.output<Methods[N]['args']>) => Promise<MethodResult<N>> | MethodResult<N>;
};

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
