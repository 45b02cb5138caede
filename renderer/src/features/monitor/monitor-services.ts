// One monitor per window, made with the window's bench (whose batches it watches for live alerts). The
// status bar makes it at start-up, so alerts fire whichever area is open.
import { useStore } from 'zustand';
import type { MeterplanApi } from '../../../../shared/api/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/app-context';
import { benchFor, type BenchHost } from '../scope/bench-services';
import { formatReading } from '../scope/measurement-format';
import { MonitorController } from './monitor-controller';
import type { MonitorState } from './monitor-store';
import { METRIC_UNITS, type LiveAlert } from './threshold-rules';

const monitors = new WeakMap<MeterplanApi, MonitorController>();

/** "P above 3 000 W (3 456 W)" */
export function alertText(t: TFunction, alert: LiveAlert, language: 'en' | 'fr'): string {
  const unit = METRIC_UNITS[alert.rule.metric];
  return t('monitor.alerts.live', {
    lng: language,
    metric: t(`monitor.metrics.${alert.rule.metric}`, { lng: language }),
    op: t(`monitor.alerts.ops.${alert.rule.op}`, { lng: language }),
    value: formatReading(alert.rule.value, unit, language),
    extreme: formatReading(alert.extreme, unit, language),
  });
}

export function monitorFor(host: BenchHost, t: TFunction): MonitorController {
  let m = monitors.get(host.api);
  if (!m) {
    const bench = benchFor(host);
    m = new MonitorController({
      api: host.api,
      subscribeBatches: (l) => bench.subscribeBatches(l),
      storage: typeof localStorage === 'undefined' ? null : localStorage,
      onAlert: (alert) => host.ui.getState().pushToast('error', alertText(t, alert, host.ui.getState().language)),
    });
    monitors.set(host.api, m);
  }
  return m;
}

export function useMonitor(): MonitorController {
  const { t } = useTranslation();
  return monitorFor(useApp(), t);
}

export function useMonitorState<T>(selector: (s: MonitorState) => T): T {
  return useStore(useMonitor().store, selector);
}
