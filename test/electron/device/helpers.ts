// Test helpers for the device tests: waiting for a condition, and socat pseudo-terminal pairs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves with the elapsed ms once `predicate` holds; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what = 'condition'): Promise<number> {
  const t0 = Date.now();
  while (!predicate()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
  return Date.now() - t0;
}

export interface PtyPair {
  /** The two ends: a board (virtual meter) opens one, the host the other. */
  a: string;
  b: string;
  process: ChildProcess;
  /** Kills socat (the far end of both ptys goes away, like pulling the cable). */
  kill(): Promise<void>;
}

/**
 * `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, with the two pty paths parsed from its stderr. With
 * `links`, each end also gets a symlink (a stable name, like /dev/serial/by-id), and the paths returned
 * are the symlinks.
 */
export function socatPair(links?: { a: string; b: string }): Promise<PtyPair> {
  const end = (link?: string) => `pty,raw,echo=0${link ? `,link=${link}` : ''}`;
  const child = spawn('socat', ['-d', '-d', end(links?.a), end(links?.b)], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`socat gave no pty paths: ${stderr}`)), 5000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const paths = [...stderr.matchAll(/PTY is (\S+)/g)].map((m) => m[1]);
      // socat is ready to relay once it says so; the ptys exist as soon as they are named.
      if (paths.length === 2 && /starting data transfer loop/.test(stderr)) {
        clearTimeout(timer);
        resolve({
          a: links?.a ?? paths[0],
          b: links?.b ?? paths[1],
          process: child,
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
