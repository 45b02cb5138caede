// Sandboxed preload: exposes exactly the API contract, one named function per method, and `on` for
// events. Nothing of Node or Electron reaches the page. Bundled to one file (out/desktop/preload.cjs).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_PREFIX, eventNames, methodNames, type EventName } from '../../shared/api/contract';

const api: Record<string, unknown> = {};
for (const name of methodNames) {
  api[name] = (args: unknown) => ipcRenderer.invoke(CHANNEL_PREFIX + name, args);
}
api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!eventNames.includes(event)) throw new Error(`unknown event ${String(event)}`);
  const channel = `${CHANNEL_PREFIX}event:${event}`;
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
};

contextBridge.exposeInMainWorld('meterplan', api);
