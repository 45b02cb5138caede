// The web shell: a localhost-only HTTP + WebSocket server that serves the built renderer and carries
// the API contract over a WebSocket. It is how the real UI runs in a browser and in tests, where the
// Electron binary is not available. Secure by default (DESIGN.md §1): it binds 127.0.0.1 only, every
// socket must present the per-launch random token, and WebSocket upgrades must come from our own origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { createDispatcher } from '../../shared/api/dispatch';
import type { AppServices } from '../services/app/app-services';
import { contentSecurityPolicy } from '../shell/content-security-policy';

export interface WebShellOptions {
  readonly services: AppServices;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** For tests; a random one is made otherwise. */
  readonly token?: string;
}

export interface WebShell {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

const CallSchema = z.object({ t: z.literal('call'), id: z.number().int(), method: z.string(), args: z.unknown() });

/** 16 MiB: room for a plan image, refuses anything that is not a sane message. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(options.services.handlers);
  let origin = '';

  const server = http.createServer((req, res) => {
    // Refuse requests whose Host is not ours: a page on another site cannot reach us by DNS rebinding.
    if (!isOwnHost(req.headers.host, port())) return void send(res, 421, 'text/plain', 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void send(res, 405, 'text/plain', 'Method not allowed');
    const url = new URL(req.url ?? '/', origin);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(options.rendererDir, rel);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      return void send(res, 404, 'text/plain', 'Not found');
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port()}`]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed =
      url.pathname === '/api' &&
      isOwnHost(req.headers.host, port()) &&
      req.headers.origin === origin &&
      tokenMatches(url.searchParams.get('token'), token);
    if (!allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    const unsubscribe = options.services.events.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'event', event, payload }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', async (data) => {
      let message: z.infer<typeof CallSchema>;
      try {
        message = CallSchema.parse(JSON.parse(data.toString()));
      } catch {
        ws.send(JSON.stringify({ t: 'error', id: -1, message: 'malformed message' }));
        return;
      }
      try {
        const value = await dispatch(message.method, message.args);
        ws.send(JSON.stringify({ t: 'result', id: message.id, value }));
      } catch (e) {
        ws.send(JSON.stringify({ t: 'error', id: message.id, message: (e as Error).message }));
      }
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  function port(): number {
    return (server.address() as AddressInfo).port;
  }
  origin = `http://127.0.0.1:${port()}`;

  return {
    url: `${origin}/?token=${token}`,
    port: port(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}
