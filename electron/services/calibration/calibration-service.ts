// The calibration wizard's back end: at most one session at a time, its reference meter opened and closed
// with it, and one handler per call of shared/calibration/calibration-api.ts. The shells register these
// handlers in the API contract; the board comes from whoever owns the connection (device manager or the
// built-in virtual meter) through `resolveBoard`.
import type { z } from 'zod';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { calibrationMethods, CalibrationSessionState } from '../../../shared/calibration/calibration-api';
import { StartCalibrationArgsSchema } from '../../../shared/calibration/calibration-api';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import type { ReferenceSource } from '../../../shared/calibration/reference-reading';
import type { PolledReference } from '../reference-meter/modbus-reference-meter';
import { ModbusReferenceMeter } from '../reference-meter/modbus-reference-meter';
import type { CalibrationBoard } from './calibration-board';
import { CalibrationSession } from './calibration-session';
import type { CertificateOptions } from './certificate-pdf';
import { writeCalibrationCertificate } from './certificate-pdf';
import type { ReferenceDriver } from './reference-driver';

type Methods = typeof calibrationMethods;
type Args<N extends keyof Methods> = z.output<Methods[N]['args']>;
type Res<N extends keyof Methods> = z.output<Methods[N]['result']>;
export type CalibrationHandlers = { [N in keyof Methods]: (args: Args<N>) => Promise<Res<N>> };

export interface CalibrationServiceOptions {
  /** The board to calibrate, by serial (absent: the connected board, or the virtual meter). */
  resolveBoard(selector: { boardSerial?: string }): Promise<Result<CalibrationBoard>>;
  /** Opens a Modbus reference; replaceable in tests. Default: ModbusReferenceMeter. */
  openReference?(source: Extract<ReferenceSource, { kind: 'modbus' }>): Promise<Result<PolledReference>>;
  /** Pause between two polls of a Modbus reference, ms. */
  pollIntervalMs?: number;
  certificate?: CertificateOptions;
  now?: () => Date;
  onSessionChanged?(state: CalibrationSessionState | null): void;
}

const openModbus = (source: Extract<ReferenceSource, { kind: 'modbus' }>) =>
  ModbusReferenceMeter.open({ model: source.model, link: source.link, unitId: source.unitId, timeoutMs: source.timeoutMs });

export class CalibrationService {
  private session: CalibrationSession | null = null;
  private meter: PolledReference | null = null;

  constructor(private readonly options: CalibrationServiceOptions) {}

  get current(): CalibrationSession | null {
    return this.session;
  }

  async start(input: z.input<typeof StartCalibrationArgsSchema>): Promise<Result<CalibrationSessionState>> {
    const args = StartCalibrationArgsSchema.parse(input);
    if (this.session && isOpen(this.session)) return err('session-open', 'A calibration is already under way: finish or cancel it first.');
    await this.release();
    const board = await this.options.resolveBoard(args.board);
    if (!board.ok) return board;
    let driver: ReferenceDriver = { kind: 'typed' };
    if (args.reference.kind === 'modbus') {
      const meter = await (this.options.openReference ?? openModbus)(args.reference);
      if (!meter.ok) return meter;
      // Read once now, so that a wrong address or unit id shows before the first step.
      const probe = await meter.value.poll();
      if (!probe.ok) {
        await meter.value.close();
        return probe;
      }
      this.meter = meter.value;
      driver = { kind: 'polled', meter: meter.value, pollIntervalMs: this.options.pollIntervalMs };
    }
    const session = await CalibrationSession.start({
      board: board.value,
      reference: driver,
      referenceSource: args.reference,
      accuracy: args.accuracy,
      windowS: args.windowS,
      now: this.options.now,
      onChange: (state) => this.options.onSessionChanged?.(state),
    });
    if (!session.ok) {
      await this.release();
      return session;
    }
    this.session = session.value;
    const state = session.value.state();
    this.options.onSessionChanged?.(state);
    return ok(state);
  }

  /** Handlers for the API contract (arguments already validated by the transport). */
  handlers(): CalibrationHandlers {
    const need = <T>(f: (s: CalibrationSession) => Promise<Result<T>>): Promise<Result<T>> => (this.session ? f(this.session) : Promise.resolve(err('no-session', 'No calibration is under way: start one first.')));
    return {
      startCalibration: (args) => this.start(args),
      getCalibrationSession: async () => ok(this.session ? this.session.state() : null),
      measureCalibrationStep: (args) => need((s) => s.measureStep(args)),
      removeCalibrationPoint: ({ step, pointIndex }) => need((s) => s.removePoint(step, pointIndex)),
      applyCalibration: () => need((s) => s.apply()),
      measureVerificationPoint: (args) => need((s) => s.measureVerification(args)),
      removeVerificationPoint: ({ index }) => need((s) => s.removeVerification(index)),
      finishCalibration: (args) => need((s) => this.finish(s, args)),
      cancelCalibration: () => need((s) => this.cancel(s)),
      exportCalibrationCertificate: ({ record, path }) => writeCalibrationCertificate(record, path, this.options.certificate),
    };
  }

  private async finish(s: CalibrationSession, args: Args<'finishCalibration'>): Promise<Result<CalibrationRecord>> {
    const r = await s.finish(args);
    if (r.ok) await this.release();
    return r;
  }

  private async cancel(s: CalibrationSession): Promise<Result<null>> {
    const r = await s.cancel();
    await this.release();
    this.session = null;
    this.options.onSessionChanged?.(null);
    return r;
  }

  /** Closes the reference meter (the session's state stays readable until the next start). */
  async release(): Promise<void> {
    const meter = this.meter;
    this.meter = null;
    await meter?.close();
  }

  async dispose(): Promise<void> {
    if (this.session && isOpen(this.session)) await this.session.cancel();
    await this.release();
    this.session = null;
  }
}

function isOpen(s: CalibrationSession): boolean {
  const status = s.state().status;
  return status === 'measuring' || status === 'applied';
}
