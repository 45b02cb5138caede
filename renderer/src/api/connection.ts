// The state of the link to the back end, shown in the status bar. The desktop shell's IPC never drops;
// the web shell's WebSocket can, and reconnects by itself.
import type { Unsubscribe } from '../../../shared/api/contract';

export type ConnectionState = 'connecting' | 'open' | 'lost';

export interface ConnectionSource {
  readonly connectionState: ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): Unsubscribe;
}

/** IPC through the preload is part of the process: it is open for as long as the page lives. */
export const alwaysOpen: ConnectionSource = {
  connectionState: 'open',
  onConnectionState: () => () => {},
};
