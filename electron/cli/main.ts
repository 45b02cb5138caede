// Headless entry point: `npm run cli -- <command> [options]`. Same services as the application.
import { CliUsageError } from './command';
import { commands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log('usage: npm run cli -- <command> [options]\n\ncommands:');
    for (const c of commands) console.log(`  ${c.name.padEnd(16)} ${c.summary}`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliUsageError(`unknown command "${name}" (try: npm run cli -- help)`);
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliUsageError || (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`meterplan: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  },
);
