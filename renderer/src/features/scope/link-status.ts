// What the bench's link state means for the user, as i18n keys with their values: one line for the
// status bar and the connect panel, a tone for its dot, and — after a failed connect — what to do about
// it (a typo in the path, a port held by another program, a board that never answered, a wrong baud rate).
import type { DeviceStatusWire } from '../../../../shared/api/device-api';

export type LinkTone = 'idle' | 'ok' | 'busy' | 'error';

export interface LinkLine {
  readonly tone: LinkTone;
  /** i18n key under scope.link.* */
  readonly key: string;
  readonly values: Record<string, string | number>;
}

/** Connect failures the UI explains; anything else shows the back end's message with generic advice. */
export const KNOWN_CONNECT_ERRORS = ['not-found', 'busy', 'permission-denied', 'no-answer', 'wrong-baud', 'bad-baud-rate', 'protocol-version'] as const;

export function connectErrorKey(code: string | null): string | null {
  if (code === null) return null;
  return (KNOWN_CONNECT_ERRORS as readonly string[]).includes(code) ? `scope.errors.${code}` : 'scope.errors.other';
}

const shortSerial = (serial: string) => (serial.length > 8 ? `${serial.slice(0, 4)}…${serial.slice(-4)}` : serial);

export function linkLine(status: DeviceStatusWire | null): LinkLine {
  if (!status) return { tone: 'idle', key: 'scope.link.unknown', values: {} };
  const path = status.path ?? '';
  const board = status.identity ? shortSerial(status.identity.boardSerial) : null;
  switch (status.state) {
    case 'connecting':
      return { tone: 'busy', key: 'scope.link.connecting', values: { path } };
    case 'reconnecting':
      return { tone: 'error', key: 'scope.link.reconnecting', values: { path } };
    case 'streaming':
      return board
        ? { tone: 'ok', key: 'scope.link.streaming', values: { board, rate: ((status.sampleRateHz ?? 0) / 1000).toFixed(2), lost: status.stats.lostFrames } }
        : { tone: 'ok', key: 'scope.link.streamingText', values: { path } };
    case 'connected':
      return { tone: 'ok', key: 'scope.link.connected', values: { board: board ?? path } };
    case 'disconnected':
      return status.lastErrorCode ? { tone: 'error', key: 'scope.link.failed', values: { path } } : { tone: 'idle', key: 'scope.link.disconnected', values: {} };
  }
}
