// One calibration of one board against one reference (DESIGN.md §4.4): the steps' readings, the fitted
// coefficients, the verification points and, at the end, the record to save in the project.
//
// The board's stored calibration is never put at risk: the steps measure raw samples (the coefficients the
// board holds do not enter them); `apply` loads the new coefficients into the board's working memory only;
// `finish` stores them in EEPROM when the verification passes and otherwise writes the previous ones back,
// as do `cancel` and any step measured again after `apply`. A board that refuses a write (NACK) keeps what
// it had, and the session says so.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { AccuracyClassSpec } from '../../../shared/calibration/accuracy-class';
import type { CalibrationSessionState, FinishCalibrationArgsSchema, MeasureStepArgs, MeasureVerificationArgs, StepReading, VerificationPoint } from '../../../shared/calibration/calibration-api';
import type { CalibrationStep, FitSteps } from '../../../shared/calibration/calibration-steps';
import { assembleCoefficients, checkNoLoad, currentStep, phaseStep, unityCheck, voltageStep, zeroStep } from '../../../shared/calibration/calibration-steps';
import { rawReadingFromCounts } from '../../../shared/calibration/raw-readings';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { CalibrationRecordSchema } from '../../../shared/calibration/record';
import type { ReferenceReading, ReferenceSource } from '../../../shared/calibration/reference-reading';
import { ReferenceReadingSchema } from '../../../shared/calibration/reference-reading';
import { overallVerdict, tablesBySamplesPerPeriod, verificationRows } from '../../../shared/calibration/verification';
import type { CalibrationCoefficients } from '../../../shared/protocol/frames';
import type { FitWeighting } from '../../../shared/signal/calibration-fit';
import type { z } from 'zod';
import type { CalibrationBoard } from './calibration-board';
import type { ReferenceDriver } from './reference-driver';
import { measureInStep } from './reference-driver';

export interface CalibrationSessionOptions {
  board: CalibrationBoard;
  reference: ReferenceDriver;
  referenceSource: ReferenceSource;
  accuracy: AccuracyClassSpec;
  windowS: number;
  id?: string;
  weighting?: FitWeighting;
  /** Largest reference current accepted at the zero step; default 1 % of Ib. */
  zeroMaxCurrentA?: number;
  now?: () => Date;
  onChange?: (state: CalibrationSessionState) => void;
}

type Status = CalibrationSessionState['status'];
const MULTI_POINT: ReadonlySet<CalibrationStep> = new Set(['voltage', 'current']);

export class CalibrationSession {
  private status: Status = 'measuring';
  private busy = false;
  private readonly readings: Record<CalibrationStep, StepReading[]> = { zero: [], voltage: [], current: [], phase: [], unity: [] };
  private steps: FitSteps = {};
  private points: VerificationPoint[] = [];
  private readonly calibrationSpp: number;

  private constructor(
    private readonly options: CalibrationSessionOptions,
    readonly previous: CalibrationCoefficients,
    readonly id: string,
  ) {
    this.calibrationSpp = options.board.identity().samplesPerPeriod;
  }

  /** Opens a session: reads the board's current coefficients, which are kept on any failure. */
  static async start(options: CalibrationSessionOptions): Promise<Result<CalibrationSession>> {
    const previous = await options.board.readCalibration();
    if (!previous.ok) return err(previous.code, `Could not read the board’s calibration: ${previous.message}`);
    const id = options.id ?? `cal-${options.board.identity().boardSerial}-${Date.now().toString(36)}`;
    return ok(new CalibrationSession(options, previous.value, id));
  }

  state(): CalibrationSessionState {
    const identity = this.options.board.identity();
    const proposed = this.proposed();
    const tables = tablesBySamplesPerPeriod(this.points.flatMap((p) => p.rows));
    return {
      id: this.id,
      status: this.status,
      busy: this.busy,
      board: { boardSerial: identity.boardSerial, firmwareVersion: identity.firmwareVersion, protocolVersion: identity.protocolVersion, adcBits: identity.adcBits, nominalFrequencyHz: identity.nominalFrequencyHz, samplesPerPeriod: this.calibrationSpp },
      reference: this.options.referenceSource,
      accuracy: { ...this.options.accuracy },
      windowS: this.options.windowS,
      previousCoefficients: { ...this.previous },
      readings: { zero: [...this.readings.zero], voltage: [...this.readings.voltage], current: [...this.readings.current], phase: [...this.readings.phase], unity: [...this.readings.unity] },
      steps: structuredClone(this.steps),
      proposed: proposed.ok ? proposed.value : null,
      proposedProblem: proposed.ok ? null : proposed.message,
      verification: { points: structuredClone(this.points), tables, verdict: overallVerdict(tables) },
    };
  }

  /** Measures a calibration step (again, if it was done: the wizard's "back"). */
  measureStep(args: MeasureStepArgs): Promise<Result<CalibrationSessionState>> {
    return this.run(['measuring', 'applied'], async () => {
      const reverted = await this.revertIfApplied();
      if (!reverted.ok) return reverted;
      const spp = await this.ensureSamplesPerPeriod(this.calibrationSpp);
      if (!spp.ok) return spp;
      const typed = parseTyped(args.typed);
      if (!typed.ok) return typed;
      const measured = await measureInStep(this.options.reference, this.options.windowS, (d) => this.options.board.captureRaw(d), typed.value, args.step === 'zero');
      if (!measured.ok) return measured;
      const { samples, sampleRateHz, samplesPerPeriod, appliedPhaseCorrectionDeg } = measured.value.board;
      const raw = rawReadingFromCounts(samples, sampleRateHz, samplesPerPeriod, appliedPhaseCorrectionDeg);
      if (!raw.ok) return raw;
      const reading: StepReading = { raw: raw.value, reference: measured.value.reference };
      const list = [...this.readings[args.step]];
      if (!MULTI_POINT.has(args.step)) list.splice(0, list.length, reading);
      else if (args.pointIndex !== undefined && args.pointIndex < list.length) list[args.pointIndex] = reading;
      else list.push(reading);
      const fitted = this.fitStep(args.step, list);
      if (!fitted.ok) return fitted;
      this.readings[args.step] = list;
      this.steps = fitted.value;
      return ok(this.state());
    });
  }

  removePoint(step: CalibrationStep, pointIndex: number): Promise<Result<CalibrationSessionState>> {
    return this.run(['measuring', 'applied'], async () => {
      if (pointIndex >= this.readings[step].length) return err('no-such-point', `The ${step} step has no point ${pointIndex + 1}.`);
      const reverted = await this.revertIfApplied();
      if (!reverted.ok) return reverted;
      const list = this.readings[step].filter((_, k) => k !== pointIndex);
      const fitted = list.length > 0 ? this.fitStep(step, list) : ok(this.withoutStep(step));
      if (!fitted.ok) return fitted;
      this.readings[step] = list;
      this.steps = fitted.value;
      return ok(this.state());
    });
  }

  /** Loads the fitted coefficients into the board's working memory, for verification. */
  apply(): Promise<Result<CalibrationSessionState>> {
    return this.run(['measuring'], async () => {
      const proposed = this.proposed();
      if (!proposed.ok) return proposed;
      const written = await this.options.board.writeCalibration(proposed.value);
      if (!written.ok) return err(written.code, `The board refused the new coefficients: ${written.message} Its previous calibration is kept.`);
      this.status = 'applied';
      this.points = [];
      return ok(this.state());
    });
  }

  measureVerification(args: MeasureVerificationArgs): Promise<Result<CalibrationSessionState>> {
    return this.run(['applied'], async () => {
      const spp = await this.ensureSamplesPerPeriod(args.samplesPerPeriod);
      if (!spp.ok) return spp;
      const typed = parseTyped(args.typed);
      if (!typed.ok) return typed;
      const measured = await measureInStep(this.options.reference, this.options.windowS, (d) => this.options.board.measure(d), typed.value);
      if (!measured.ok) return measured;
      const rows = verificationRows({ label: args.label, board: measured.value.board, reference: measured.value.reference, character: args.character }, { spec: this.options.accuracy });
      if (!rows.some((r) => r.quantity === 'activePower')) return err('missing-reference', 'The reference gave no active power for this point: a verification point needs it.');
      this.points.push({ label: args.label, samplesPerPeriod: args.samplesPerPeriod, rows });
      return ok(this.state());
    });
  }

  removeVerification(index: number): Promise<Result<CalibrationSessionState>> {
    return this.run(['applied'], async () => {
      if (index >= this.points.length) return err('no-such-point', `There is no verification point ${index + 1}.`);
      this.points.splice(index, 1);
      return ok(this.state());
    });
  }

  /**
   * Ends the session: stores the coefficients in EEPROM if the verification passes, else restores the
   * previous ones; returns the record either way. A failed store restores the previous coefficients too.
   */
  finish(args: z.input<typeof FinishCalibrationArgsSchema> = {}): Promise<Result<CalibrationRecord>> {
    return this.run(['applied'], async () => {
      if (this.points.length === 0) return err('not-verified', 'Measure at least one verification point before finishing.');
      const spp = await this.ensureSamplesPerPeriod(this.calibrationSpp);
      if (!spp.ok) return spp;
      const state = this.state();
      const coefficients = state.proposed;
      if (!coefficients) return err('step-missing', state.proposedProblem ?? 'No coefficients to store.');
      let storedOnBoard = false;
      if (state.verification.verdict.verdict === 'pass') {
        const stored = await this.options.board.storeCalibration();
        if (!stored.ok) {
          const restored = await this.restorePrevious();
          this.status = 'measuring';
          return err(stored.code, `The board could not store the new coefficients: ${stored.message} ${restored.ok ? 'Its previous calibration was put back.' : restored.message}`);
        }
        storedOnBoard = true;
      } else {
        const restored = await this.restorePrevious();
        if (!restored.ok) return restored;
      }
      this.status = 'finished';
      return ok(
        CalibrationRecordSchema.parse({
          version: 1,
          completedAt: (this.options.now?.() ?? new Date()).toISOString(),
          operator: args.operator ?? '',
          notes: args.notes ?? '',
          board: state.board,
          reference: state.reference,
          accuracy: state.accuracy,
          previousCoefficients: this.previous,
          coefficients,
          steps: state.steps,
          verification: { tables: state.verification.tables, verdict: state.verification.verdict },
          storedOnBoard,
        }),
      );
    });
  }

  /** Abandons the session; the board gets its previous coefficients back if new ones were loaded. */
  cancel(): Promise<Result<null>> {
    return this.run(['measuring', 'applied'], async () => {
      const reverted = await this.revertIfApplied();
      await this.ensureSamplesPerPeriod(this.calibrationSpp);
      this.status = 'cancelled';
      return reverted.ok ? ok(null) : reverted;
    });
  }

  private proposed(): Result<CalibrationCoefficients> {
    return assembleCoefficients(this.steps, this.previous);
  }

  private fitStep(step: CalibrationStep, list: readonly StepReading[]): Result<FitSteps> {
    const next: FitSteps = { ...this.steps };
    const weighting = this.options.weighting ?? 'relative';
    switch (step) {
      case 'zero': {
        const noLoad = checkNoLoad(list[0].reference, this.options.zeroMaxCurrentA ?? 0.01 * this.options.accuracy.basicCurrentA);
        if (!noLoad.ok) return noLoad;
        next.zero = zeroStep(list[0].raw);
        break;
      }
      case 'voltage': {
        const fit = voltageStep(list, weighting);
        if (!fit.ok) return fit;
        next.voltage = fit.value;
        break;
      }
      case 'current': {
        const fit = currentStep(list, weighting);
        if (!fit.ok) return fit;
        next.current = fit.value.step;
        next.currentSign = fit.value.sign;
        break;
      }
      case 'phase': {
        const sign = this.steps.currentSign ?? (list[0].raw.activePowerCounts2 < 0 ? -1 : 1);
        const fit = phaseStep(list[0].raw, list[0].reference, sign);
        if (!fit.ok) return fit;
        next.phase = fit.value;
        break;
      }
      case 'unity': {
        const coefficients = assembleCoefficients(next, this.previous);
        if (!coefficients.ok) return err('step-order', `The unity check needs the gains first: ${coefficients.message}`);
        const check = unityCheck(list[0].raw, list[0].reference, coefficients.value);
        if (!check.ok) return check;
        next.unity = check.value;
        break;
      }
    }
    // A new gain or phase makes an earlier unity check stale.
    if (step !== 'unity' && next.unity) {
      const c = assembleCoefficients(next, this.previous);
      const u = c.ok && this.readings.unity[0] ? unityCheck(this.readings.unity[0].raw, this.readings.unity[0].reference, c.value) : null;
      next.unity = u?.ok ? u.value : undefined;
    }
    return ok(next);
  }

  private withoutStep(step: CalibrationStep): FitSteps {
    const next = { ...this.steps };
    if (step === 'current') delete next.currentSign;
    delete next[step];
    return next;
  }

  private async revertIfApplied(): Promise<Result<null>> {
    if (this.status !== 'applied') return ok(null);
    const restored = await this.restorePrevious();
    if (!restored.ok) return restored;
    this.status = 'measuring';
    this.points = [];
    return ok(null);
  }

  private async restorePrevious(): Promise<Result<null>> {
    const r = await this.options.board.writeCalibration(this.previous);
    if (!r.ok) return err(r.code, `The board did not take its previous coefficients back: ${r.message} They are still in its EEPROM and return at its next reset.`);
    return ok(null);
  }

  private async ensureSamplesPerPeriod(spp: number): Promise<Result<null>> {
    if (this.options.board.identity().samplesPerPeriod === spp) return ok(null);
    const r = await this.options.board.setSamplesPerPeriod(spp);
    return r.ok ? r : err(r.code, `The board did not switch to ${spp} samples per period: ${r.message}`);
  }

  /** One operation at a time; unexpected exceptions become results; listeners hear every change. */
  private async run<T>(allowed: readonly Status[], op: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.busy) return err('busy', 'The calibration is busy with another measurement: wait for it to finish.');
    if (!allowed.includes(this.status)) return err('wrong-state', stateMessage(this.status, allowed));
    this.busy = true;
    this.options.onChange?.(this.state());
    try {
      return await op();
    } catch (e) {
      return err('internal', `The calibration failed unexpectedly: ${(e as Error).message}`);
    } finally {
      this.busy = false;
      this.options.onChange?.(this.state());
    }
  }
}

/** Typed readings are checked here too: the session may be driven without the API's schema check. */
function parseTyped(typed: unknown): Result<ReferenceReading | undefined> {
  if (typed === undefined) return ok(undefined);
  const parsed = ReferenceReadingSchema.safeParse(typed);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return err('bad-reference', `The typed reference ${issue.path.join('.') || 'reading'} is not valid: ${issue.message}.`);
}

function stateMessage(status: Status, allowed: readonly Status[]): string {
  if (status === 'finished' || status === 'cancelled') return `This calibration is ${status}: start a new one.`;
  if (allowed.includes('applied') && !allowed.includes('measuring')) return 'Apply the coefficients to the board first.';
  return 'The coefficients are on the board for verification: finish or cancel, or measure a step again.';
}
