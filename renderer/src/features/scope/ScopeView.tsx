// The Scope area: the board link and the virtual meter on the left; the controls, the oscilloscope screen
// with its info bar and cursor readout in the middle; the measurement tiles, the harmonics and the link
// statistics below it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../../state/app-context';
import { formatNumber } from '../../i18n/format';
import { useBench, useBenchState, useScopeSettings } from './bench-services';
import { CaptureDialog } from './CaptureDialog';
import { ConnectPanel } from './ConnectPanel';
import { CsvPathDialog } from './CsvPathDialog';
import { HarmonicsChart } from './HarmonicsChart';
import { LinkStatsPanel } from './LinkStatsPanel';
import { formatPerDiv } from './measurement-format';
import { MeasurementsPanel } from './MeasurementsPanel';
import { ScopeChart } from './ScopeChart';
import { ScopeToolbar } from './ScopeToolbar';
import { VirtualMeterPanel } from './VirtualMeterPanel';
import './scope.css';

/** The line above the screen, as on a bench scope: each trace's scale, the trigger, the time base. */
function InfoBar() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const s = useScopeSettings(
    useShallow((x) => ({
      v: x.voltsPerDiv,
      a: x.ampsPerDiv,
      w: x.wattsPerDiv,
      tdiv: x.timePerDivMs,
      showV: x.showVoltage,
      showI: x.showCurrent,
      showP: x.showPower,
      ch: x.triggerChannel,
      edge: x.triggerEdge,
      levelV: x.triggerLevelV,
      levelA: x.triggerLevelA,
      mode: x.mode,
    })),
  );
  const rate = useBenchState((x) => x.status?.sampleRateHz ?? null);
  const level = s.ch === 'voltage' ? `${formatNumber(s.levelV, language, 2)}\u00a0V` : `${formatNumber(s.levelA, language, 3)}\u00a0A`;
  return (
    <div className="scope-info" data-testid="scope-info">
      {s.showV && <span className="scope-info__item is-voltage">V {formatPerDiv(s.v, 'V', language)}</span>}
      {s.showI && <span className="scope-info__item is-current">I {formatPerDiv(s.a, 'A', language)}</span>}
      {s.showP && <span className="scope-info__item is-power">P {formatPerDiv(s.w, 'W', language)}</span>}
      <span className="scope-info__spacer" />
      <span className="scope-info__item">
        {t('scope.info.trigger', { edge: s.edge === 'rising' ? '↑' : '↓', channel: s.ch === 'voltage' ? 'V' : 'I', level, mode: t(`scope.trigger.modes.${s.mode}`) })}
      </span>
      <span className="scope-info__item">{formatPerDiv(s.tdiv, 'ms', language)}</span>
      <span className="scope-info__item">{rate ? t('scope.info.rate', { rate: formatNumber(rate / 1000, language, 2) }) : t('scope.info.noRate')}</span>
    </div>
  );
}

export function ScopeView() {
  const { t } = useTranslation();
  const bench = useBench();
  const pushToast = useUi((s) => s.pushToast);
  const [dialog, setDialog] = useState<'capture' | 'csv' | null>(null);
  return (
    <div className="scope-view" data-testid="scope-view">
      <aside className="scope-side">
        <ConnectPanel />
        <VirtualMeterPanel />
      </aside>
      <div className="scope-main">
        <ScopeToolbar onCapture={() => setDialog('capture')} onCsv={() => setDialog('csv')} />
        <InfoBar />
        <ScopeChart />
        <div className="scope-readings">
          <MeasurementsPanel />
          <HarmonicsChart />
          <LinkStatsPanel />
        </div>
      </div>
      {dialog === 'capture' && <CaptureDialog onClose={() => setDialog(null)} />}
      {dialog === 'csv' && (
        <CsvPathDialog
          title={t('scope.csv.title')}
          hint={t('scope.csv.pathHint')}
          what={t('scope.csv.fileName')}
          testId="csv-dialog"
          write={(path) => bench.exportViewCsv(path)}
          onDone={(w) => {
            setDialog(null);
            pushToast('info', t('scope.csv.done', { path: w.path, count: w.rows }));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
