// Link statistics (frames, CRC errors, lost frames … since the connection, across reconnects) and what
// the display achieves: frames drawn per second, the end-to-end latency from a sample reaching the back
// end to the frame that draws it (p50/p95), and batches lost between the back end and this window.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/app-context';
import { formatNumber } from '../../i18n/format';
import { useBench, useBenchState } from './bench-services';
import type { DisplayStats } from './engine/scope-engine';

const LINK_ROWS = [
  ['framesDecoded', 'frames'],
  ['crcErrors', 'crcErrors'],
  ['lostFrames', 'lostFrames'],
  ['malformedFrames', 'malformed'],
  ['bytesReceived', 'bytes'],
  ['resyncs', 'resyncs'],
  ['linkLosses', 'linkLosses'],
  ['reconnects', 'reconnects'],
] as const;

const PROBLEMS = new Set(['crcErrors', 'lostFrames', 'malformedFrames', 'linkLosses']);

export function LinkStatsPanel() {
  const { t } = useTranslation();
  const bench = useBench();
  const language = useUi((s) => s.language);
  const stats = useBenchState((s) => s.stats);
  const text = useBenchState((s) => s.status?.mode === 'text');
  const [display, setDisplay] = useState<DisplayStats>(() => bench.engine.stats());
  // Figures of a running display: read twice a second, not per frame.
  useEffect(() => {
    const timer = setInterval(() => setDisplay(bench.engine.stats()), 500);
    return () => clearInterval(timer);
  }, [bench]);
  const ms = (v: number | null) => (v === null ? '—' : `${formatNumber(v, language, 0)}\u00a0ms`);
  return (
    <section className="scope-panel scope-link" aria-label={t('scope.linkStats.title')}>
      <h2 className="section-title">{t('scope.linkStats.title')}</h2>
      <dl className="stats-list">
        {(text ? [['linesDecoded', 'lines'] as const, ['malformedLines', 'malformedLines'] as const, ...LINK_ROWS.slice(6)] : LINK_ROWS).map(([field, label]) => {
          const value = stats ? stats[field] : 0;
          return (
            <div key={field} className={`stats-list__row${PROBLEMS.has(field) && value > 0 ? ' is-problem' : ''}`}>
              <dt>{t(`scope.linkStats.${label}`)}</dt>
              <dd data-testid={`link-${label}`}>{formatNumber(value, language, 0)}</dd>
            </div>
          );
        })}
      </dl>
      <h2 className="section-title">{t('scope.display.title')}</h2>
      <dl className="stats-list">
        <div className="stats-list__row">
          <dt>{t('scope.display.fps')}</dt>
          <dd data-testid="display-fps">{formatNumber(display.framesPerSecond, language, 0)}</dd>
        </div>
        <div className="stats-list__row">
          <dt title={t('scope.display.latencyHint')}>{t('scope.display.latency')}</dt>
          <dd data-testid="display-latency">
            <span data-testid="display-latency-p50">{ms(display.latencyP50Ms)}</span> / <span data-testid="display-latency-p95">{ms(display.latencyP95Ms)}</span>
          </dd>
        </div>
        <div className={`stats-list__row${display.batchGaps > 0 ? ' is-problem' : ''}`}>
          <dt>{t('scope.display.batchGaps')}</dt>
          <dd data-testid="display-batch-gaps">{formatNumber(display.batchGaps, language, 0)}</dd>
        </div>
        <div className="stats-list__row">
          <dt>{t('scope.display.frames')}</dt>
          <dd data-testid="display-frames">{formatNumber(display.framesDrawn, language, 0)}</dd>
        </div>
      </dl>
    </section>
  );
}
