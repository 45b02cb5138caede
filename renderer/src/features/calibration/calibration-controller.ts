// The Calibrate area's actions: the calls to the back end and what they change in the calibration store.
// The session lives in the back end (one at a time); this keeps the forms, follows the session's events,
// saves the finished record in the project, and writes certificates. A call that throws (link lost)
// becomes a failure shown on its page, never an escape.
import type { MeterplanApi, Unsubscribe } from '../../../../shared/api/contract';
import type { VirtualMeterState } from '../../../../shared/api/device-api';
import { err, type Result } from '../../../../shared/api/result';
import type { CalibrationSessionState } from '../../../../shared/calibration/calibration-api';
import type { CalibrationStep } from '../../../../shared/calibration/calibration-steps';
import type { ProjectStore } from '../../state/project-store';
import { benchConfig, benchLoad } from './bench-loads';
import type { CalibrationState, CalibrationStore, CertificateSource, PageFailure, VerifyForm } from './calibration-store';
import { initialCalibrationState } from './calibration-store';
import { checkTyped, valuesFrom, type ReferenceField, type TypedPage } from './reference-fields';
import { checkAccuracy, checkSetup, MODBUS_SERIAL_DEFAULTS, type AccuracyForm, type SetupForm } from './setup-form';
import { isOpenSession, resumePage, type CalibrationView } from './wizard-pages';

async function attempt<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return err('transport', (e as Error).message);
  }
}

export class CalibrationController {
  private readonly subscriptions: Unsubscribe[] = [];
  private projectPath: string | null;
  private deviceKey = '';
  private started = false;

  constructor(
    private readonly api: MeterplanApi,
    readonly store: CalibrationStore,
    private readonly projects: ProjectStore,
  ) {
    this.projectPath = projects.getState().info?.path ?? null;
  }

  /** Subscribes to the back end's events and loads the session, the bench and the history (once). */
  async start(): Promise<void> {
    if (this.started) return this.refresh();
    this.started = true;
    this.subscriptions.push(
      this.api.on('calibrationSessionChanged', (session) => this.store.setState({ session })),
      this.api.on('virtualMeterChanged', (virtualMeter) => this.store.setState({ virtualMeter })),
      this.api.on('deviceStatus', (s) => {
        // Status events repeat with new statistics; the bench only changes with the link or the board.
        const key = `${s.state}|${s.path}|${s.identity?.boardSerial ?? ''}|${s.mode}`;
        if (key !== this.deviceKey) {
          this.deviceKey = key;
          void this.refreshBench();
        }
      }),
      this.projects.subscribe((s) => {
        const path = s.info?.path ?? null;
        if (path === this.projectPath) return;
        this.projectPath = path;
        void this.refreshHistory();
      }),
    );
    await this.refresh();
  }

  dispose(): void {
    for (const u of this.subscriptions.splice(0)) u();
    this.started = false;
  }

  private get state(): CalibrationState {
    return this.store.getState();
  }

  private fail(view: CalibrationView, failure: PageFailure | null): void {
    this.store.setState((s) => ({ failures: { ...s.failures, [view]: failure ?? undefined } }));
  }

  /** Runs one call at a time; its failure lands on `view`. */
  private async run<T>(pending: string, view: CalibrationView, call: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.state.pending) return err('busy', 'Another operation is under way.');
    this.store.setState({ pending });
    this.fail(view, null);
    const r = await attempt(call);
    this.store.setState({ pending: null });
    if (!r.ok) this.fail(view, { code: r.code, message: r.message });
    return r;
  }

  /**
   * The session a call answered with. Its state was taken inside the back end's operation, so it still says
   * busy; the operation is over once it answered (and its own event, sent just before, said so).
   */
  private adopt(session: CalibrationSessionState | null): void {
    this.store.setState({ session: session && { ...session, busy: false } });
  }

  async refresh(): Promise<void> {
    const [session] = await Promise.all([attempt(() => this.api.getCalibrationSession({})), this.refreshBench(), this.refreshVirtualMeter(), this.refreshHistory()]);
    if (session.ok) {
      this.store.setState({ session: session.value });
      // A session under way (the window was reloaded): resume where it stands.
      if (isOpenSession(session.value) && this.state.view === 'setup') this.go(resumePage({ session: session.value, finished: false, saved: false }));
    }
  }

  async refreshBench(): Promise<void> {
    const r = await attempt(() => this.api.getCalibrationBench({}));
    if (!r.ok) return;
    const boards = r.value.boards;
    this.store.setState((s) => {
      const chosen = boards.find((b) => b.boardSerial === s.setup.boardSerial && b.unavailable === null);
      // Keep the choice while it is there; otherwise the first board that can be calibrated (a real one first).
      const pick = chosen ?? boards.find((b) => b.unavailable === null) ?? null;
      return { boards, setup: { ...s.setup, boardSerial: pick?.boardSerial ?? null } };
    });
  }

  async refreshVirtualMeter(): Promise<void> {
    try {
      this.store.setState({ virtualMeter: await this.api.getVirtualMeter({}) });
    } catch {
      this.store.setState({ virtualMeter: null });
    }
  }

  async refreshHistory(): Promise<void> {
    if (!this.projects.getState().info) {
      this.store.setState({ history: [], historyProblem: null });
      return;
    }
    const r = await attempt(() => this.api.listCalibrations({}));
    this.store.setState(r.ok ? { history: r.value, historyProblem: null } : { history: [], historyProblem: r.message });
  }

  // ——— forms ———

  go(view: CalibrationView): void {
    this.store.setState({ view });
    if (view === 'history') void this.refreshHistory();
  }

  setSetup(patch: Partial<SetupForm>): void {
    this.store.setState((s) => {
      const setup = { ...s.setup, ...patch };
      // A new meter model brings its factory serial settings.
      if (patch.model && patch.model !== s.setup.model) Object.assign(setup, MODBUS_SERIAL_DEFAULTS[patch.model]);
      const formProblems = { ...s.formProblems };
      for (const k of Object.keys(patch)) delete formProblems[k as keyof typeof formProblems];
      return { setup, formProblems };
    });
  }

  setAccuracy(patch: Partial<AccuracyForm>): void {
    this.store.setState((s) => {
      const formProblems = { ...s.formProblems };
      for (const k of Object.keys(patch)) delete formProblems[k as keyof typeof formProblems];
      return { accuracy: { ...s.accuracy, ...patch }, formProblems };
    });
  }

  setTyped(page: TypedPage, field: ReferenceField, value: string): void {
    this.store.setState((s) => {
      const problems = { ...s.typedProblems[page] };
      delete problems[field];
      return { typed: { ...s.typed, [page]: { ...s.typed[page], [field]: value } }, typedProblems: { ...s.typedProblems, [page]: problems } };
    });
  }

  /** Fills a page's fields with what a perfect reference reads on the virtual meter now. */
  fillFromSimulation(page: TypedPage): void {
    const truth = this.state.virtualMeter?.truth;
    if (!truth) return;
    const values = valuesFrom(page, { voltageV: truth.vrmsV, currentA: truth.irmsA, activePowerW: truth.activePowerW, powerFactor: truth.powerFactor, frequencyHz: truth.frequencyHz });
    this.store.setState((s) => ({ typed: { ...s.typed, [page]: values }, typedProblems: { ...s.typedProblems, [page]: {} } }));
  }

  setVerify(patch: Partial<VerifyForm>): void {
    this.store.setState((s) => ({ verify: { ...s.verify, ...patch } }));
  }

  setFinishFields(patch: Partial<Pick<CalibrationState, 'operator' | 'notes'>>): void {
    this.store.setState(patch);
  }

  /** Setup → accuracy, when the board and the reference are complete. */
  confirmSetup(): boolean {
    const checked = checkSetup(this.state.setup);
    if (!checked.ok) {
      this.store.setState({ formProblems: checked.problems });
      return false;
    }
    this.go('accuracy');
    return true;
  }

  // ——— the session ———

  async startSession(): Promise<Result<CalibrationSessionState>> {
    const setup = checkSetup(this.state.setup);
    const accuracy = checkAccuracy(this.state.accuracy);
    if (!setup.ok || !accuracy.ok) {
      this.store.setState({ formProblems: { ...(setup.ok ? {} : setup.problems), ...(accuracy.ok ? {} : accuracy.problems) } });
      if (!setup.ok) this.go('setup');
      return err('form', 'The form has errors.');
    }
    const r = await this.run('start', 'accuracy', () => this.api.startCalibration({ board: setup.board, reference: setup.reference, accuracy: accuracy.accuracy, windowS: accuracy.windowS }));
    if (r.ok) {
      this.adopt(r.value);
      this.store.setState({ record: null, savedId: null, failures: {} });
      this.go('zero');
    }
    return r;
  }

  private typedFor(page: TypedPage): Result<ReturnType<typeof checkTyped> & { ok: true }> | null {
    const session = this.state.session;
    if (session?.reference.kind !== 'typed') return null;
    const checked = checkTyped(page, this.state.typed[page]);
    if (!checked.ok) {
      this.store.setState((s) => ({ typedProblems: { ...s.typedProblems, [page]: checked.problems } }));
      return err('typed', 'Some reference readings are missing or wrong.');
    }
    return { ok: true, value: checked };
  }

  /** Measures a step; `pointIndex` measures that point of a multi-point step again. */
  async measure(step: CalibrationStep, pointIndex?: number): Promise<Result<CalibrationSessionState>> {
    const typed = step === 'zero' ? null : this.typedFor(step);
    if (typed && !typed.ok) return typed;
    const r = await this.run(`measure:${step}`, step, () =>
      this.api.measureCalibrationStep({ step, ...(pointIndex !== undefined ? { pointIndex } : {}), ...(typed ? { typed: typed.value.reading } : {}) }),
    );
    if (r.ok) this.adopt(r.value);
    return r;
  }

  async removePoint(step: CalibrationStep, pointIndex: number): Promise<void> {
    const r = await this.run(`remove:${step}`, step, () => this.api.removeCalibrationPoint({ step, pointIndex }));
    if (r.ok) this.adopt(r.value);
  }

  async apply(): Promise<Result<CalibrationSessionState>> {
    const r = await this.run('apply', 'apply', () => this.api.applyCalibration({}));
    if (r.ok) {
      this.adopt(r.value);
      this.go('verify');
    }
    return r;
  }

  /** Measures a verification point; `fallbackLabel` names it when the engineer typed no name. */
  async measureVerification(fallbackLabel?: string): Promise<Result<CalibrationSessionState>> {
    const typed = this.typedFor('verify');
    if (typed && !typed.ok) return typed;
    const { label, samplesPerPeriod } = this.state.verify;
    const text = label.trim() || fallbackLabel || this.defaultPointLabel();
    const r = await this.run('verify', 'verify', () => this.api.measureVerificationPoint({ label: text, samplesPerPeriod, ...(typed ? { typed: typed.value.reading } : {}) }));
    if (r.ok) this.adopt(r.value);
    return r;
  }

  /** "Point 3" when nothing else names the point. */
  defaultPointLabel(): string {
    return `Point ${(this.state.session?.verification.points.length ?? 0) + 1}`;
  }

  async removeVerification(index: number): Promise<void> {
    const r = await this.run('remove:verify', 'verify', () => this.api.removeVerificationPoint({ index }));
    if (r.ok) this.adopt(r.value);
  }

  /** Ends the session (the back end stores the coefficients on a pass, else restores the old ones), then saves the record. */
  async finish(): Promise<void> {
    const { operator, notes } = this.state;
    const r = await this.run('finish', 'finish', () => this.api.finishCalibration({ operator: operator.trim(), notes: notes.trim() }));
    if (!r.ok) return;
    this.store.setState({ record: r.value, savedId: null });
    await this.save();
  }

  /** Stores the finished record in the open project (again, after a project was opened). */
  async save(): Promise<void> {
    const record = this.state.record;
    if (!record || this.state.savedId !== null) return;
    const r = await this.run('save', 'finish', () => this.api.saveCalibration({ record }));
    if (r.ok) {
      this.store.setState({ savedId: r.value.id });
      await this.refreshHistory();
    }
  }

  async cancel(): Promise<void> {
    const r = await this.run('cancel', this.state.view, () => this.api.cancelCalibration({}));
    if (r.ok) {
      this.adopt(null);
      this.go('setup');
    }
  }

  /** Back to the first page for another calibration (the finished one stays in the project). */
  restart(): void {
    const keep = this.state;
    this.store.setState({ ...initialCalibrationState, setup: keep.setup, accuracy: keep.accuracy, boards: keep.boards, virtualMeter: keep.virtualMeter, history: keep.history, operator: keep.operator, session: null });
    void this.refreshBench();
  }

  // ——— the simulated bench ———

  async setBenchLoad(id: string, view: CalibrationView): Promise<void> {
    const r = await this.run('load', view, () => this.api.configureVirtualMeter(benchConfig(benchLoad(id))));
    if (r.ok) this.store.setState({ virtualMeter: r.value as VirtualMeterState });
  }

  // ——— certificates ———

  openCertificate(source: CertificateSource): void {
    this.store.setState({ certificate: source });
  }

  closeCertificate(): void {
    this.store.setState({ certificate: null });
  }

  async exportCertificate(path: string): Promise<Result<{ path: string; bytes: number }>> {
    const source = this.state.certificate;
    if (!source) return err('no-certificate', 'No certificate to write.');
    return attempt(() => (source.kind === 'record' ? this.api.exportCalibrationCertificate({ record: source.record, path }) : this.api.exportStoredCertificate({ id: source.id, path })));
  }
}
