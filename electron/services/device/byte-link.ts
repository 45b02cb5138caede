// A byte pipe to a board: a serial port, or an in-process pair for the built-in virtual meter. The device
// manager and the virtual meter speak only to this interface, so the same code runs over serialport,
// over a pseudo-terminal, and in memory.

export interface LinkClosed {
  /** 'local': we closed it; 'disconnected': the device went away (unplug, far end of a pty closed). */
  reason: 'local' | 'disconnected' | 'error';
  message: string;
}

export interface ByteLink {
  readonly path: string;
  readonly isOpen: boolean;
  /** Queues bytes for sending; failures surface as a close. */
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
  /** Subscribers are called in order; each returns its unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once, when the link closes for any reason. */
  onClose(listener: (closed: LinkClosed) => void): () => void;
}

/** Listener bookkeeping shared by the link implementations. */
export class LinkEvents {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(closed: LinkClosed) => void>();
  private closed: LinkClosed | null = null;

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (closed: LinkClosed) => void): () => void {
    if (this.closed) {
      const closed = this.closed;
      queueMicrotask(() => listener(closed));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get isClosed(): boolean {
    return this.closed !== null;
  }

  emitData(chunk: Uint8Array): void {
    for (const listener of [...this.dataListeners]) listener(chunk);
  }

  emitClose(closed: LinkClosed): void {
    if (this.closed) return;
    this.closed = closed;
    const listeners = [...this.closeListeners];
    this.closeListeners.clear();
    this.dataListeners.clear();
    for (const listener of listeners) listener(closed);
  }
}

class MemoryLink implements ByteLink {
  readonly events = new LinkEvents();
  peer: MemoryLink | null = null;

  constructor(readonly path: string) {}

  get isOpen(): boolean {
    return !this.events.isClosed;
  }

  write(bytes: Uint8Array): void {
    const peer = this.peer;
    if (!this.isOpen || !peer?.isOpen) return;
    // Asynchronous like a real port, and a copy, since the writer may reuse its buffer.
    const copy = bytes.slice();
    setImmediate(() => {
      if (peer.isOpen) peer.events.emitData(copy);
    });
  }

  async close(): Promise<void> {
    this.closeWith({ reason: 'local', message: 'closed' });
    this.peer?.closeWith({ reason: 'disconnected', message: 'the other end closed' });
  }

  closeWith(closed: LinkClosed): void {
    this.events.emitClose(closed);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (closed: LinkClosed) => void): () => void {
    return this.events.onClose(listener);
  }
}

/**
 * Two connected in-process links (what one writes, the other reads), for the virtual meter in the demo
 * and in tests. Closing one end closes the other as "disconnected", like pulling a cable.
 */
export function createMemoryLinkPair(path = 'virtual:meter'): { host: ByteLink; board: ByteLink } {
  const host = new MemoryLink(path);
  const board = new MemoryLink(`${path}#board`);
  host.peer = board;
  board.peer = host;
  return { host, board };
}
