// Start and stop a recording session (one-minute aggregates of the connected board into this project),
// with a note, and what it has written so far.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useUi } from '../../state/app-context';
import { useBenchState } from '../scope/bench-services';
import { isLive } from '../scope/bench-store';
import { formatReading } from '../scope/measurement-format';
import { useMonitor } from './monitor-services';

export function RecordingBar() {
  const { t } = useTranslation();
  const { api } = useApp();
  const monitor = useMonitor();
  const language = useUi((s) => s.language);
  const recording = useBenchState((s) => s.recording);
  const live = useBenchState(isLive);
  const board = useBenchState((s) => s.status?.identity?.boardSerial ?? s.status?.path ?? null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const on = recording?.recording ?? false;

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      if (on) await api.stopRecording({});
      else {
        const r = await api.startRecording({ note });
        if (!r.ok) setError(r.message);
        else setNote('');
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      void monitor.load();
    }
  };

  const since = recording?.startedAt ? new Date(recording.startedAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) : '';
  return (
    <section className={`recording-bar${on ? ' is-on' : ''}`} aria-label={t('monitor.recording.title')} data-testid="recording-bar">
      <button type="button" className={`button recording-bar__button${on ? ' is-on' : ''}`} onClick={() => void toggle()} disabled={busy || (!on && !live)} data-testid="recording-toggle">
        <span className="recording-bar__dot" aria-hidden="true" />
        {on ? t('monitor.recording.stop') : t('monitor.recording.start')}
      </button>
      {!on && <input className="text-input recording-bar__note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('monitor.recording.notePlaceholder')} maxLength={2000} data-testid="recording-note" />}
      <p className="recording-bar__status" data-testid="recording-status" role="status">
        {on
          ? t('monitor.recording.on', { since, minutes: recording!.minutesWritten, energy: formatReading(recording!.energyWh, 'Wh', language), board: board ?? '—' })
          : live
            ? t('monitor.recording.ready', { board: board ?? '—' })
            : t('monitor.recording.needBoard')}
        {recording?.message && <span className="recording-bar__message"> · {recording.message}</span>}
      </p>
      {error && (
        <p className="field-error recording-bar__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
