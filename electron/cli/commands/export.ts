// `npm run cli -- export --project FILE|--example thesis-office --format pdf|png|svg|csv|json --out FILE`
// Exports a project's current placement headless, with the same exportPlan as the application's
// Export menu. An example is exported from a temporary copy: the shipped file is never opened for writing.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliUsageError, type CliCommand } from '../command';
import { openProjectFile } from '../../services/project/project-file';
import { ProjectStore } from '../../services/project/project-store';
import { getRun, listRuns } from '../../services/project/run-store';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '../../services/export/export-plan';
import { repositoryRoot } from '../../shell/paths';

const EXAMPLES: Readonly<Record<string, string>> = { 'thesis-office': 'thesis-office.meterplan' };

const USAGE =
  'usage: export (--project FILE | --example thesis-office) --format pdf|png|svg|csv|json --out FILE ' +
  '[--floor ID] [--dpi N] [--run ID|latest | --run-file FILE]';

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw new CliUsageError(`--${name} must be an integer (got "${raw}")`);
  return Number(raw);
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the deployment plan of a project (PDF report, PNG/SVG plan, CSV, JSON)',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        project: { type: 'string' },
        example: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        floor: { type: 'string' },
        dpi: { type: 'string' },
        run: { type: 'string' },
        'run-file': { type: 'string' },
      },
      strict: true,
    });
    if ((values.project === undefined) === (values.example === undefined)) throw new CliUsageError(`give either --project or --example (${USAGE})`);
    if (values.example !== undefined && !EXAMPLES[values.example]) throw new CliUsageError(`unknown example "${values.example}" (known: ${Object.keys(EXAMPLES).join(', ')})`);
    if (!values.format) throw new CliUsageError(`--format is required (${USAGE})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new CliUsageError(`unknown format "${values.format}" (use ${EXPORT_FORMATS.join(', ')})`);
    if (!values.out) throw new CliUsageError(`--out is required (${USAGE})`);
    if (values.run !== undefined && values['run-file'] !== undefined) throw new CliUsageError('give --run or --run-file, not both');
    const floorId = integer('floor', values.floor);
    const dpi = integer('dpi', values.dpi);
    if (values.run !== undefined && values.run !== 'latest') integer('run', values.run);

    let runFromFile: unknown;
    if (values['run-file'] !== undefined) {
      try {
        runFromFile = JSON.parse(readFileSync(values['run-file'], 'utf8'));
      } catch (e) {
        console.error(`meterplan: cannot read the run file ${values['run-file']}: ${(e as Error).message}`);
        return 1;
      }
    }

    let tempDir: string | null = null;
    let projectPath: string;
    if (values.example !== undefined) {
      tempDir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-export-'));
      projectPath = path.join(tempDir, EXAMPLES[values.example]);
      copyFileSync(path.join(repositoryRoot(__dirname), 'resources', 'examples', EXAMPLES[values.example]), projectPath);
    } else {
      projectPath = path.resolve(values.project!);
    }
    try {
      const opened = openProjectFile(projectPath);
      if (!opened.ok) {
        console.error(`meterplan: ${opened.message}`);
        return 1;
      }
      const store = new ProjectStore(opened.value.db);
      try {
        let run: unknown = runFromFile;
        if (values.run !== undefined) {
          const runs = listRuns(store);
          const id = values.run === 'latest' ? runs.at(-1)?.id : Number(values.run);
          if (id === undefined) {
            console.error('meterplan: the project has no optimisation run (--run latest)');
            return 1;
          }
          const r = getRun(store, id);
          if (!r.ok) {
            console.error(`meterplan: ${r.message}`);
            return 1;
          }
          run = r.value;
        }
        const result = await exportPlan(store.snapshot(), { format: values.format as ExportFormat, floorId, dpi, run }, values.out);
        if (!result.ok) {
          console.error(`meterplan: ${result.message}`);
          return 1;
        }
        const extra = result.pages !== undefined ? `, ${result.pages} pages` : result.widthPx !== undefined ? `, ${result.widthPx} × ${result.heightPx} px` : '';
        console.log(`wrote ${result.path} (${result.format}, ${result.deviceCount} devices, ${result.bytes} bytes${extra})`);
        return 0;
      } finally {
        opened.value.db.close();
      }
    } finally {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  },
};
