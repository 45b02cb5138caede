// Coalesces many notifications into one call per animation frame (STYLE.md: high-rate data is pushed
// into charts through refs, throttled to frames). The frame source is injectable for tests.
export type RequestFrame = (callback: () => void) => unknown;

const defaultRequestFrame: RequestFrame = (cb) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => cb()) : setTimeout(cb, 16);

export interface FrameThrottle {
  /** Asks for a call at the next frame; many asks before it make one call. */
  schedule(): void;
  /** No call after this, even one already scheduled. */
  cancel(): void;
}

export function frameThrottle(run: () => void, requestFrame: RequestFrame = defaultRequestFrame): FrameThrottle {
  let pending = false;
  let cancelled = false;
  return {
    schedule() {
      if (pending || cancelled) return;
      pending = true;
      requestFrame(() => {
        pending = false;
        if (!cancelled) run();
      });
    },
    cancel() {
      cancelled = true;
    },
  };
}
