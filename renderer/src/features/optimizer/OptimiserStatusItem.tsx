// The status bar's optimisation item: idle, or the running job's overall progress and time left,
// written through a ref once per frame (progress arrives at event rate). A click opens Optimise.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/app-context';
import { OptimiseIcon } from '../../ui/icons';
import { formatDuration } from './duration';
import { frameThrottle } from './frame-throttle';
import { etaMs, fractionDone } from './live-progress';
import { selectRunning } from './optimizer-store';
import { useOptimizer, useOptimizerState } from './use-optimizer';

export function OptimiserStatusItem() {
  const { t } = useTranslation();
  const optimizer = useOptimizer();
  const language = useUi((s) => s.language);
  const setArea = useUi((s) => s.setArea);
  const running = useOptimizerState(selectRunning);
  const jobId = useOptimizerState((s) => s.job?.jobId ?? null);
  const textRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!running || !jobId) return;
    const draw = () => {
      const runs = optimizer.live.runsOf(jobId);
      if (!textRef.current || runs.length === 0) return;
      const done = runs.reduce((sum, r) => sum + fractionDone(r), 0) / runs.length;
      const etas = runs.filter((r) => r.status === 'running').map(etaMs);
      const eta = etas.some((e) => e === null) || etas.length === 0 ? null : Math.max(...(etas as number[]));
      textRef.current.textContent = t(eta === null ? 'optimizer.status.runningNoEta' : 'optimizer.status.running', {
        count: runs.length,
        percent: Math.floor(done * 100),
        time: eta === null ? '' : formatDuration(eta, language),
      });
    };
    const throttle = frameThrottle(draw);
    draw();
    const unsubscribe = optimizer.live.subscribe(throttle.schedule);
    return () => {
      throttle.cancel();
      unsubscribe();
    };
  }, [running, jobId, optimizer, language, t]);

  return (
    <button
      type="button"
      className={`status-item status-item--button${running ? ' is-busy' : ' status-item--muted'}`}
      data-testid="status-optimiser"
      data-running={running}
      title={`${running ? t('optimizer.status.hint') : t('status.optimiserIdle')} — ${t('status.optimiserHint')}`}
      onClick={() => setArea('optimise')}
    >
      {running ? <span className="spinner spinner--small" aria-hidden="true" /> : <OptimiseIcon size={13} />}
      <span className="status-item__extra" ref={textRef}>
        {running ? t('optimizer.status.starting') : t('status.optimiserIdle')}
      </span>
    </button>
  );
}
