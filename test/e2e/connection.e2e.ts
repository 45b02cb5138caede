// When the back end goes away, the window says so in the status bar instead of failing silently.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';
import { textOf, waitForText } from './page-helpers';

let app: AppSession;

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app?.close();
});

it('shows "connection lost" in the status bar when the web shell stops, and keeps the plan on screen', async () => {
  const { page } = app;
  await waitForText(page, 'status-connection', 'Back end connected');
  await waitForText(page, 'floor-dimensions', '10 m × 8 m');
  await app.server.stop();
  await waitForText(page, 'status-connection', 'Connection lost — reconnecting…');
  // What was loaded stays visible: nothing is thrown away because the link dropped.
  expect(await textOf(page, 'floor-dimensions')).toBe('10 m × 8 m');
  await app.screenshot('connection lost', '01 status bar');
  // Chromium reports each refused reconnection attempt; those, and only those, are expected here.
  app.assertNoConsoleErrors([/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\?token=[^']+' failed/]);
});
