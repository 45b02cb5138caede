// `npm run example`: regenerates resources/examples/thesis-office.meterplan from its definition.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { createProjectFile } from '../../services/project/project-file';
import { seedThesisOffice } from '../../services/project/examples/thesis-office';

export const makeExampleCommand: CliCommand = {
  name: 'make-example',
  summary: 'regenerate resources/examples/thesis-office.meterplan',
  async run(argv) {
    const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' } }, strict: true });
    const out = path.resolve(values.out ?? path.join(__dirname, '../../resources/examples/thesis-office.meterplan'));
    rmSync(out, { force: true });
    createProjectFile(out, seedThesisOffice);
    console.log(`wrote ${out}`);
    return 0;
  },
};
