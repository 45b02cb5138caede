// One progress bar per algorithm of the job: generation, evaluations, hypervolume and time left. The
// numbers change at event rate, so they are written into the DOM through refs, once per frame.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlgorithmName } from '../../../../shared/api/optimization-api';
import { formatNumber } from '../../i18n/format';
import { useUi } from '../../state/app-context';
import { ALGORITHM_TITLES, algorithmColour } from './algorithms';
import { formatDuration } from './duration';
import { frameThrottle } from './frame-throttle';
import { etaMs, fractionDone } from './live-progress';
import { useOptimizer, useOptimizerState } from './use-optimizer';

interface RowRefs {
  root: HTMLElement | null;
  fill: HTMLElement | null;
  text: HTMLElement | null;
  status: HTMLElement | null;
}

export function ProgressBars() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const language = useUi((s) => s.language);
  const jobId = useOptimizerState((s) => s.job?.jobId ?? null);
  const algorithms = useOptimizerState((s) => s.job?.args.algorithms ?? null);
  const rows = useRef(new Map<AlgorithmName, RowRefs>());
  const listRef = useRef<HTMLDivElement>(null);

  // The panel scrolls: bring the bars into view when a job starts, progress is what one watches then.
  useEffect(() => {
    if (jobId) listRef.current?.scrollIntoView({ block: 'nearest' });
  }, [jobId]);

  useEffect(() => {
    if (!jobId) return;
    const draw = () => {
      for (const run of optimizer.live.runsOf(jobId)) {
        const row = rows.current.get(run.algorithm);
        if (!row?.fill || !row.text || !row.status || !row.root) continue;
        const done = fractionDone(run);
        row.fill.style.width = `${(done * 100).toFixed(1)}%`;
        row.root.dataset.generation = String(run.generation);
        row.root.dataset.status = run.status;
        row.root.setAttribute('aria-valuenow', String(Math.round(done * 100)));
        const hv = run.hypervolume === null ? '—' : formatNumber(run.hypervolume, language, 3);
        row.text.textContent = t('optimizer.progress.detail', {
          generation: run.generation,
          generations: run.generations,
          evaluations: formatNumber(run.evaluations, language, 0),
          hypervolume: hv,
        });
        const eta = etaMs(run);
        row.status.textContent =
          run.status === 'stored'
            ? t('optimizer.progress.stored', { id: run.runId, time: formatDuration(run.elapsedMs, language) })
            : run.status === 'failed'
              ? t('optimizer.progress.failed', { message: run.error ?? '' })
              : eta === null
                ? t('optimizer.progress.starting')
                : t('optimizer.progress.eta', { time: formatDuration(eta, language) });
      }
    };
    const throttle = frameThrottle(draw);
    draw();
    const unsubscribe = optimizer.live.subscribe(throttle.schedule);
    return () => {
      unsubscribe();
      throttle.cancel();
    };
  }, [jobId, optimizer, language, t]);

  if (!algorithms) return null;
  return (
    <div className="progress-list" data-testid="progress-list" ref={listRef}>
      {algorithms.map((a) => (
        <div
          key={a}
          className="progress-row"
          role="progressbar"
          aria-label={ALGORITHM_TITLES[a]}
          aria-valuemin={0}
          aria-valuemax={100}
          data-testid={`progress-${a}`}
          ref={(el) => void (rowOf(rows.current, a).root = el)}
        >
          <div className="progress-row__head">
            <span className="algorithm-swatch" style={{ background: algorithmColour(a) }} aria-hidden="true" />
            <strong>{ALGORITHM_TITLES[a]}</strong>
            <span className="progress-row__status" ref={(el) => void (rowOf(rows.current, a).status = el)} />
          </div>
          <div className="progress-track">
            <div className="progress-fill" style={{ background: algorithmColour(a) }} ref={(el) => void (rowOf(rows.current, a).fill = el)} />
          </div>
          <div className="progress-row__detail" ref={(el) => void (rowOf(rows.current, a).text = el)} />
        </div>
      ))}
    </div>
  );
}

function rowOf(map: Map<AlgorithmName, RowRefs>, a: AlgorithmName): RowRefs {
  let r = map.get(a);
  if (!r) map.set(a, (r = { root: null, fill: null, text: null, status: null }));
  return r;
}
