// The structure of what the charts show (which runs, which objectives), for the legend and the axis
// pickers. It changes at human rate, so React may hold it; the fronts themselves never go through here.
import { useEffect, useState } from 'react';
import { frameThrottle } from '../frame-throttle';
import type { OptimizerController } from '../optimizer-controller';
import { commonObjectives, type FrontSeries } from './chart-model';

export interface SeriesOutline {
  readonly series: readonly Omit<FrontSeries, 'points' | 'hypervolumes'>[];
  readonly objectives: FrontSeries['objectives'];
}

function outlineOf(series: readonly FrontSeries[]): SeriesOutline {
  return {
    series: series.map(({ points: _p, hypervolumes: _h, ...rest }) => rest),
    objectives: commonObjectives(series),
  };
}

function signatureOf(o: SeriesOutline): string {
  return `${o.series.map((s) => `${s.key}/${s.shape}/${s.live}`).join('|')}#${o.objectives.map((x) => `${x.name}:${x.direction}:${x.unit}`).join(',')}`;
}

export function useSeriesOutline(optimizer: OptimizerController): SeriesOutline {
  const [outline, setOutline] = useState(() => outlineOf(optimizer.series()));
  useEffect(() => {
    let signature = signatureOf(outline);
    const check = () => {
      const next = outlineOf(optimizer.series());
      const sig = signatureOf(next);
      if (sig === signature) return;
      signature = sig;
      setOutline(next);
    };
    const throttle = frameThrottle(check);
    check();
    const unsubscribe = optimizer.subscribeSeries(throttle.schedule);
    return () => {
      throttle.cancel();
      unsubscribe();
    };
    // `outline` is only the starting signature: later changes are compared inside.
  }, [optimizer]);
  return outline;
}
