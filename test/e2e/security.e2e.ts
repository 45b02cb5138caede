// The web shell is secure by default (DESIGN.md §1): it listens on 127.0.0.1 only, every WebSocket must
// carry this launch's token, and upgrades must come from the page's own origin. Checked against the
// built server as a child process, exactly as `npm run web` starts it.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebShell, type WebShellProcess } from './harness';

let server: WebShellProcess;

beforeAll(async () => {
  server = await startWebShell();
});

afterAll(async () => {
  await server?.stop();
});

/** Opens a socket and resolves 'open', or the HTTP status the server refused the upgrade with. */
function tryUpgrade(path: string, headers: Record<string, string>): Promise<{ outcome: 'open'; socket: WebSocket } | { outcome: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.once('open', () => resolve({ outcome: 'open', socket: ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ outcome: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (e) => reject(e));
  });
}

function call(ws: WebSocket, method: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ t: 'call', id: 7, method, args }));
  });
}

/** Local addresses of listening TCP sockets on `port`, from the kernel's tables (Linux). */
function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [addrHex, portHex] = local!.split(':');
      // 0A is TCP_LISTEN.
      if (state === '0A' && parseInt(portHex!, 16) === port) out.push(addrHex!);
    }
  }
  return out;
}

describe('web shell security', () => {
  it('accepts its own page: the right token from the right origin gets answers (the control case)', async () => {
    const r = await tryUpgrade(`/api?token=${server.token}`, { Origin: server.origin });
    expect(r.outcome).toBe('open');
    if (r.outcome !== 'open') return;
    const answer = (await call(r.socket, 'getAppInfo', {})) as { t: string; id: number; value: { shell: string } };
    expect(answer).toMatchObject({ t: 'result', id: 7, value: { shell: 'web' } });
    r.socket.close();
  });

  it('refuses a WebSocket without a token, or with a wrong one', async () => {
    expect((await tryUpgrade('/api', { Origin: server.origin })).outcome).toBe(403);
    expect((await tryUpgrade('/api?token=', { Origin: server.origin })).outcome).toBe(403);
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    expect((await tryUpgrade(`/api?token=${wrong}`, { Origin: server.origin })).outcome).toBe(403);
  });

  it('refuses a WebSocket from a foreign origin, even with the token', async () => {
    expect((await tryUpgrade(`/api?token=${server.token}`, { Origin: 'http://evil.example' })).outcome).toBe(403);
    expect((await tryUpgrade(`/api?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port + 1}` })).outcome).toBe(403);
    expect((await tryUpgrade(`/api?token=${server.token}`, {})).outcome).toBe(403);
  });

  it('refuses pages asked for under another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: `evil.example:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
    });
    expect(status).toBe(421);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    if (process.platform === 'linux') {
      // 0100007F is 127.0.0.1 in the kernel's little-endian hex; nothing on 0.0.0.0 or on IPv6.
      expect(listeningAddresses(server.port)).toEqual(['0100007F']);
    }
    // And concretely: every other address of this machine refuses the connection.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of [...others, '::1']) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: address, port: server.port });
        s.once('connect', () => {
          s.destroy();
          resolve(false);
        });
        s.once('error', () => resolve(true));
      });
      expect(refused, `connection to ${address}:${server.port}`).toBe(true);
    }
  });
});
