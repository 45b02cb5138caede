// The Calibrate area's calls: the wizard's session (CalibrationService, its changes sent as
// calibrationSessionChanged events), the bench (which board), the project's
// stored calibrations, and certificates written to a path the user chose.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { calibrationMethods } from '../../../shared/calibration/calibration-api';
import type { calibrationBenchMethods } from '../../../shared/api/calibration-bench-api';
import type { calibrationStoreMethods } from '../../../shared/api/calibration-store-api';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { CalibrationService } from '../calibration/calibration-service';
import type { CertificateOptions } from '../calibration/certificate-pdf';
import { renderCalibrationCertificate } from '../calibration/certificate-pdf';
import { getCalibration, latestCalibration, listCalibrations, saveCalibration } from '../project/calibration-store';
import type { ProjectService } from '../project/project-service';
import type { ProjectStore } from '../project/project-store';
import { writeFileAtomic } from './atomic-write';
import type { BenchParts } from './calibration-bench';
import { CalibrationBenchService } from './calibration-bench';
import type { EventHub } from './event-hub';

type CalibrationMethodName = keyof typeof calibrationMethods | keyof typeof calibrationStoreMethods | keyof typeof calibrationBenchMethods;
export type CalibrationApiHandlers = Pick<ApiHandlers, CalibrationMethodName>;

export interface CalibrationHandlersOptions {
  readonly projects: ProjectService;
  readonly events: EventHub;
  readonly bench: BenchParts;
  readonly certificate?: CertificateOptions;
  /** Pause between two polls of a Modbus reference, ms. */
  readonly pollIntervalMs?: number;
}

export interface CalibrationWiring {
  readonly handlers: CalibrationApiHandlers;
  readonly service: CalibrationService;
  readonly bench: CalibrationBenchService;
  dispose(): Promise<void>;
}

/** A Unicode font for the certificate (φ, ≤, °) when the system has one; else the PDF's Helvetica. */
export function defaultCertificateFonts(): Pick<CertificateOptions, 'fontPath' | 'boldFontPath'> {
  const dir = '/usr/share/fonts/truetype/dejavu';
  const regular = path.join(dir, 'DejaVuSans.ttf');
  const bold = path.join(dir, 'DejaVuSans-Bold.ttf');
  if (!existsSync(regular)) return {};
  return { fontPath: regular, ...(existsSync(bold) ? { boldFontPath: bold } : {}) };
}

/** Renders a certificate and writes it whole (temp file + rename) at an absolute path. */
export async function writeCertificate(record: CalibrationRecord, outPath: string, options: CertificateOptions = {}): Promise<Result<{ path: string; bytes: number }>> {
  // The back end's working folder means nothing to the user: ask for a full path instead of guessing.
  if (!path.isAbsolute(outPath)) return err('bad-output', `Give the full path of the certificate to write (got "${outPath}").`);
  const dir = path.dirname(outPath);
  if (!existsSync(dir)) return err('not-found', `The folder ${dir} does not exist.`);
  let pdf: Buffer;
  try {
    pdf = await renderCalibrationCertificate(record, options);
  } catch (e) {
    return err('render-failed', `The certificate could not be drawn: ${(e as Error).message}`);
  }
  try {
    writeFileAtomic(outPath, pdf);
  } catch (e) {
    return err('write-failed', `Could not write the certificate to ${outPath}: ${(e as Error).message}`);
  }
  return ok({ path: outPath, bytes: pdf.length });
}

export function createCalibrationHandlers(options: CalibrationHandlersOptions): CalibrationWiring {
  const { projects, events } = options;
  const bench = new CalibrationBenchService(options.bench);
  const certificate = options.certificate ?? {};
  const service = new CalibrationService({
    resolveBoard: (selector) => bench.resolveBoard(selector),
    pollIntervalMs: options.pollIntervalMs ?? 100,
    certificate,
    onSessionChanged: (state) => events.emit('calibrationSessionChanged', state),
  });
  const withStore = <T>(f: (store: ProjectStore) => Result<T>): Result<T> => {
    const s = projects.store;
    return s.ok ? f(s.value) : err('no-project', 'No project is open: open or create one to keep calibrations.');
  };
  const session = service.handlers();
  const handlers: CalibrationApiHandlers = {
    ...session,
    exportCalibrationCertificate: ({ record, path: p }) => writeCertificate(record, p, certificate),

    getCalibrationBench: async () => ok(bench.state()),

    saveCalibration: async ({ record }) => withStore((s) => saveCalibration(s, record)),
    listCalibrations: async ({ boardSerial }) => withStore((s) => ok(listCalibrations(s, boardSerial))),
    getCalibration: async ({ id }) => withStore((s) => getCalibration(s, id)),
    latestCalibration: async ({ boardSerial }) => withStore((s) => latestCalibration(s, boardSerial)),
    exportStoredCertificate: async ({ id, path: p }) => {
      const found = withStore((s) => getCalibration(s, id));
      return found.ok ? writeCertificate(found.value.record, p, certificate) : found;
    },
  };
  return { handlers, service, bench, dispose: () => service.dispose() };
}
