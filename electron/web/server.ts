// `npm run web`: starts the web shell on the built-in example and prints its URL (with its token).
//   --port N            fixed port (default: a free one)
//   --data-dir DIR      settings and recent files (default: the user's config folder)
//   --documents-dir DIR where new projects go (default: ~/Documents/Meterplan)
//   --project FILE      open this project instead of the example / last project
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../services/app/app-services';
import { defaultDataDir, defaultDocumentsDir, repositoryRoot } from '../shell/paths';
import { startWebShell } from './web-shell';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'documents-dir': { type: 'string' },
      project: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, not "${values.port}"`);
  const root = repositoryRoot(__dirname);
  const services = createAppServices({
    shell: 'web',
    version: process.env.npm_package_version ?? '0.0.0',
    dataDir: values['data-dir'] ?? path.join(defaultDataDir(), 'web'),
    documentsDir: values['documents-dir'] ?? defaultDocumentsDir(),
    resourcesDir: path.join(root, 'resources'),
  });
  const opened = services.projects.openOnStartup(values.project);
  if (opened && !opened.ok) console.error(`meterplan: ${opened.message}`);
  const shell = await startWebShell({ services, rendererDir: path.join(root, 'out', 'renderer'), port });
  console.log(`Meterplan web shell listening on ${shell.url}`);

  const stop = async () => {
    await shell.close();
    services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`meterplan: ${(e as Error).message}`);
  process.exit(1);
});
