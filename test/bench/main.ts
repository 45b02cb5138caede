// `npm run bench`: every benchmark prints its own table. Figures are recorded in BENCHMARKS.md.
import { benches } from './benches';

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const bench of benches) {
    if (only && bench.name !== only) continue;
    console.log(`\n## ${bench.name}\n`);
    await bench.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
