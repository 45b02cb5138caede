// The Optimise area's actions: start and stop a job, follow its end, keep the project's stored runs,
// compare them, choose a solution (previewed on the plan), apply it, and the thesis's guided study.
// Calls go to the typed API; a thrown call (link lost) becomes a message, never an escape.
import type { EventPayload, MeterplanApi, Unsubscribe } from '../../../../shared/api/contract';
import type { OptimizationRun, StartOptimization } from '../../../../shared/api/optimization-api';
import { err, type Result } from '../../../../shared/api/result';
import type { ProjectStore } from '../../state/project-store';
import type { FrontSeries } from './charts/chart-model';
import { problemsOf, seriesOf } from './charts/chart-source';
import { checkForm, randomSeed, thesisPreset, type OptimizerForm } from './form';
import { LiveProgress } from './live-progress';
import { problemKey, type ChartView, type OptimizerStore, type Selection, type SideTab } from './optimizer-store';
import { clearPreview, setPreview } from './preview-store';

export interface OptimizerNotifier {
  info(message: string): void;
  error(message: string): void;
}

/** Messages the controller shows; the view gives translated ones. */
export interface OptimizerMessages {
  applied(placed: number): string;
  noFloor(): string;
}

async function attempt<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return err('transport', (e as Error).message);
  }
}

export class OptimizerController {
  readonly live: LiveProgress;
  private readonly subscriptions: Unsubscribe[] = [];
  private readonly seriesListeners = new Set<() => void>();
  private projectPath: string | null;
  messages: OptimizerMessages = { applied: (n) => `${n} devices placed.`, noFloor: () => 'The project has no floor to optimise.' };

  constructor(
    private readonly api: MeterplanApi,
    readonly store: OptimizerStore,
    private readonly projects: ProjectStore,
    private readonly notify: OptimizerNotifier,
  ) {
    this.live = new LiveProgress(api);
    this.subscriptions.push(
      this.live.onFinished((f) => this.onFinished(f)),
      this.live.subscribe(() => this.emitSeries()),
      store.subscribe((s, prev) => {
        if (s.compared !== prev.compared || s.loaded !== prev.loaded || s.problem !== prev.problem || s.job !== prev.job) this.emitSeries();
      }),
    );
    this.projectPath = projects.getState().info?.path ?? null;
    this.subscriptions.push(
      projects.subscribe((s) => {
        const path = s.info?.path ?? null;
        if (path === this.projectPath) return;
        this.projectPath = path;
        this.onProjectChanged();
      }),
    );
  }

  dispose(): void {
    for (const u of this.subscriptions.splice(0)) u();
    this.live.dispose();
  }

  // ——— the panel ———

  setForm(patch: Partial<OptimizerForm>): void {
    this.store.setState((s) => {
      const form = { ...s.form, ...patch };
      // An error goes as soon as its field is edited; the others stay until the next Run.
      const formErrors = { ...s.formErrors };
      for (const k of Object.keys(patch)) delete formErrors[k as keyof typeof formErrors];
      return { form, formErrors, startError: null };
    });
  }

  applyThesisPreset(): void {
    this.setForm(thesisPreset());
  }

  rollSeed(random?: () => number): void {
    this.setForm({ seed: String(randomSeed(random)) });
  }

  /** Starts the panel's settings on a floor; false when the settings or the back end refused. */
  async start(floorId: number | null = this.activeFloorId()): Promise<boolean> {
    const checked = checkForm(this.store.getState().form);
    if (!checked.ok) {
      this.store.setState({ formErrors: checked.errors });
      return false;
    }
    if (floorId === null) {
      this.store.setState({ startError: this.messages.noFloor() });
      return false;
    }
    if (this.store.getState().job?.pending.length) return false;
    const args: StartOptimization = { floorId, ...checked.args };
    clearPreview();
    this.store.setState({
      formErrors: {},
      startError: null,
      job: { jobId: null, args, pending: args.algorithms, stopping: false, runIds: [], failures: [] },
      // The charts follow the new job: its live fronts, then its stored runs.
      compared: [],
      problem: problemKey(args),
      selection: null,
    });
    const r = await attempt(() => this.api.startOptimization(args));
    if (!r.ok) {
      this.store.setState({ job: null, startError: r.message });
      this.failGuided(r.message);
      return false;
    }
    const jobId = r.value.jobId;
    this.store.setState((s) => ({ job: s.job && { ...s.job, jobId } }));
    this.live.forgetExcept(jobId);
    this.live.expect(jobId, args.algorithms, args.generations);
    // A fast run may have ended before the answer came: take those ends now.
    for (const run of this.live.runsOf(jobId)) {
      if (run.status === 'stored') this.onFinished({ jobId, algorithm: run.algorithm, outcome: { ok: true, value: { runId: run.runId! } } });
      else if (run.status === 'failed') this.onFinished({ jobId, algorithm: run.algorithm, outcome: { ok: false, code: 'failed', message: run.error ?? '' } });
    }
    return true;
  }

  async stop(): Promise<void> {
    const job = this.store.getState().job;
    if (!job?.jobId || job.pending.length === 0) return;
    this.store.setState({ job: { ...job, stopping: true } });
    if (this.store.getState().guided?.step === 'routers' || this.store.getState().guided?.step === 'sensors') {
      this.store.setState((s) => ({ guided: s.guided && { ...s.guided, step: 'failed', message: null } }));
    }
    const r = await attempt(() => this.api.cancelOptimization({ jobId: job.jobId! }));
    if (!r.ok && r.code === 'not-found') {
      // The end was missed (link lost meanwhile): the runs are in the project anyway.
      this.store.setState((s) => ({ job: s.job && { ...s.job, pending: [], stopping: false } }));
      await this.refreshRuns();
    } else if (!r.ok) {
      this.notify.error(r.message);
    }
  }

  private onFinished(f: EventPayload<'optimizationFinished'>): void {
    const job = this.store.getState().job;
    if (!job || job.jobId !== f.jobId || !job.pending.includes(f.algorithm)) return;
    const pending = job.pending.filter((a) => a !== f.algorithm);
    if (f.outcome.ok) {
      const runId = f.outcome.value.runId;
      this.store.setState((s) => ({
        job: s.job && { ...s.job, pending, runIds: [...s.job.runIds, runId], stopping: pending.length > 0 && s.job.stopping },
        compared: s.compared.includes(runId) ? s.compared : [...s.compared, runId],
      }));
      void this.loadRun(runId);
    } else {
      const failure = { algorithm: f.algorithm, message: f.outcome.message };
      this.store.setState((s) => ({ job: s.job && { ...s.job, pending, failures: [...s.job.failures, failure], stopping: pending.length > 0 && s.job.stopping } }));
    }
    if (pending.length === 0) void this.afterJob();
  }

  private async afterJob(): Promise<void> {
    await this.refreshRuns();
    const { guided, job } = this.store.getState();
    if (!guided || !job) return;
    if (job.failures.length > 0) return this.failGuided(job.failures[0]!.message);
    if (guided.step === 'routers') {
      this.store.setState({ guided: { ...guided, step: 'sensors', routerRunIds: job.runIds } });
      this.setForm({ problem: 'sensors' });
      const started = await this.start();
      if (!started) this.failGuided(this.store.getState().startError);
    } else if (guided.step === 'sensors') {
      this.store.setState({ guided: { ...guided, step: 'done', sensorRunIds: job.runIds, elapsedMs: Date.now() - guided.startedAtMs } });
    }
  }

  // ——— the thesis as a guided example ———

  /** Thesis §4.7: routers, then sensors, with NSGA-II, SPEA2 and NSGA-III and the thesis's parameters. */
  async reproduceThesis(): Promise<boolean> {
    if (this.store.getState().job?.pending.length) return false;
    this.setForm({ ...thesisPreset(), problem: 'routers', model: 'thesis', encoding: 'grid', algorithms: ['nsga2', 'spea2', 'nsga3'] });
    this.store.setState({ guided: { step: 'routers', routerRunIds: [], sensorRunIds: [], message: null, startedAtMs: Date.now(), elapsedMs: null } });
    const started = await this.start();
    if (!started) this.failGuided(this.store.getState().startError);
    return started;
  }

  dismissGuided(): void {
    this.store.setState({ guided: null });
  }

  private failGuided(message: string | null): void {
    const g = this.store.getState().guided;
    if (g && g.step !== 'done') this.store.setState({ guided: { ...g, step: 'failed', message } });
  }

  // ——— stored runs ———

  async refreshRuns(): Promise<void> {
    if (!this.projects.getState().info) {
      this.store.setState({ runs: [], runsLoaded: true, compared: [], loaded: {}, selection: null });
      return;
    }
    const r = await attempt(() => this.api.listRuns({}));
    if (!r.ok) {
      this.notify.error(r.message);
      return;
    }
    const ids = new Set(r.value.map((x) => x.id));
    this.store.setState((s) => ({
      runs: r.value,
      runsLoaded: true,
      compared: s.compared.filter((id) => ids.has(id)),
      selection: s.selection && ids.has(s.selection.runId) ? s.selection : null,
    }));
  }

  async loadRun(id: number): Promise<OptimizationRun | null> {
    const have = this.store.getState().loaded[id];
    if (have) return have;
    const r = await attempt(() => this.api.getRun({ id }));
    if (!r.ok) {
      this.notify.error(r.message);
      return null;
    }
    this.store.setState((s) => ({ loaded: { ...s.loaded, [id]: r.value } }));
    return r.value;
  }

  /** Puts a stored run on the charts (or takes it off); the charts switch to its problem. */
  async toggleCompare(id: number): Promise<void> {
    const s = this.store.getState();
    if (s.compared.includes(id)) {
      this.store.setState({ compared: s.compared.filter((x) => x !== id), selection: s.selection?.runId === id ? null : s.selection });
      if (s.selection?.runId === id) clearPreview();
      return;
    }
    const problem = s.runs.find((r) => r.id === id)?.problem ?? null;
    this.store.setState({ compared: [...s.compared, id], problem: problem ?? s.problem });
    await this.loadRun(id);
  }

  /** Shows exactly these runs (e.g. the guided study's sensors runs). */
  async compareOnly(ids: readonly number[]): Promise<void> {
    const problem = this.store.getState().runs.find((r) => r.id === ids[0])?.problem ?? this.store.getState().problem;
    this.store.setState({ compared: [...ids], problem });
    await Promise.all(ids.map((id) => this.loadRun(id)));
  }

  async deleteRun(id: number): Promise<void> {
    const r = await attempt(() => this.api.deleteRun({ id }));
    if (!r.ok) {
      this.notify.error(r.message);
      return;
    }
    if (this.store.getState().selection?.runId === id) clearPreview();
    this.store.setState((s) => {
      const loaded = { ...s.loaded };
      delete loaded[id];
      return { loaded, compared: s.compared.filter((x) => x !== id), selection: s.selection?.runId === id ? null : s.selection };
    });
    await this.refreshRuns();
  }

  // ——— charts and the chosen solution ———

  setView(view: ChartView): void {
    this.store.setState({ view });
  }

  setSideTab(sideTab: SideTab): void {
    this.store.setState({ sideTab });
  }

  setAxes(axes: { x: string; y: string }): void {
    this.store.setState({ axes });
  }

  setProblem(problem: string): void {
    this.store.setState({ problem });
  }

  /** Clicking a point of a stored run: it is chosen, and its devices are shown on the plan. */
  select(selection: Selection | null): void {
    this.store.setState({ selection });
    this.showPreview(selection && !sameSelection(selection, this.store.getState().applied) ? selection : null);
  }

  /** Hovering a point previews it; leaving shows the chosen one again. */
  hover(target: Selection | null): void {
    const { selection, applied } = this.store.getState();
    const chosen = selection && !sameSelection(selection, applied) ? selection : null;
    this.showPreview(target ?? chosen);
  }

  private showPreview(target: Selection | null): void {
    const solution = target ? this.store.getState().loaded[target.runId]?.front[target.index] : undefined;
    if (!target || !solution) {
      clearPreview();
      return;
    }
    setPreview({ runId: target.runId, index: target.index, devices: solution.devices.map((d) => ({ x: d.x, y: d.y, kind: d.kind })) });
  }

  /** "Use this solution": the chosen solution becomes the floor's placement (the plan keeps it editable). */
  async applySelection(): Promise<boolean> {
    const selection = this.store.getState().selection;
    if (!selection || this.store.getState().applying) return false;
    this.store.setState({ applying: true });
    const r = await attempt(() => this.api.applySolution(selection));
    this.store.setState({ applying: false });
    if (!r.ok) {
      this.notify.error(r.message);
      return false;
    }
    // The placement now is the solution: ghosts over it would only double it.
    this.store.setState({ applied: selection });
    clearPreview();
    this.notify.info(this.messages.applied(r.value.placed));
    return true;
  }

  // ——— what the charts draw ———

  /** The series of the chosen problem: compared stored runs, then the running job's live fronts. */
  series(): FrontSeries[] {
    return seriesOf(this.store.getState(), this.live);
  }

  /** Problems of the compared runs and the running job, with how many runs each: the chart's tabs. */
  problems(): { problem: string; count: number }[] {
    return problemsOf(this.store.getState());
  }

  /** Called when the series may have changed (at event rate: listeners throttle to frames). */
  subscribeSeries(listener: () => void): Unsubscribe {
    this.seriesListeners.add(listener);
    return () => this.seriesListeners.delete(listener);
  }

  private emitSeries(): void {
    for (const l of [...this.seriesListeners]) l();
  }

  private activeFloorId(): number | null {
    return this.projects.getState().activeFloorId;
  }

  private onProjectChanged(): void {
    clearPreview();
    this.live.forgetExcept(null);
    this.store.setState({ job: null, compared: [], loaded: {}, selection: null, applied: null, guided: null, startError: null, runs: [], runsLoaded: false, problem: null });
    void this.refreshRuns();
  }
}

function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a !== null && b !== null && a.runId === b.runId && a.index === b.index;
}
