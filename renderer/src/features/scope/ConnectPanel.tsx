// The board link: pick a listed port or type a path (pseudo-terminals and some adapters are never
// listed), choose the baud rate and the mode, connect; then who the board is, its sampling, and a way
// out. Every failure says what happened and what to try (connectErrorKey), in the user's words.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { COMMON_BAUD_RATES } from '../../../../shared/api/device-api';
import { useUi } from '../../state/app-context';
import { formatNumber } from '../../i18n/format';
import { useBench, useBenchState } from './bench-services';
import { isLive } from './bench-store';
import { connectErrorKey, linkLine } from './link-status';

export function LinkStatusLine() {
  const { t } = useTranslation();
  const status = useBenchState((s) => s.status);
  const line = linkLine(status);
  return (
    <p className={`link-line is-${line.tone}`} data-testid="link-status" data-state={status?.state ?? 'unknown'} role="status">
      <span className={`dot dot--${line.tone === 'ok' ? 'ok' : line.tone === 'error' ? 'error' : line.tone === 'busy' ? 'busy' : 'idle'}`} aria-hidden="true" />
      {t(line.key, line.values)}
    </p>
  );
}

function ConnectForm() {
  const { t } = useTranslation();
  const bench = useBench();
  const language = useUi((s) => s.language);
  const { ports, portsLoading, virtualPath, virtualRunning, busy, status, connectError } = useBenchState(
    useShallow((s) => ({ ports: s.ports, portsLoading: s.portsLoading, virtualPath: s.virtualMeter?.path ?? 'virtual:meter', virtualRunning: s.virtualMeter?.running ?? false, busy: s.busy, status: s.status, connectError: s.connectError })),
  );
  const [path, setPath] = useState(status?.path ?? '');
  const [baud, setBaud] = useState(String(status?.baudRate ?? 1_000_000));
  const [mode, setMode] = useState<'binary' | 'text'>(status?.mode ?? 'binary');
  // A mistake in the form itself; a failed connect is the bench's (it outlives this form).
  const [formError, setFormError] = useState<{ code: string; message: string } | null>(null);
  const error = formError ?? connectError;
  const listId = useId();
  // A sensible first choice: the virtual meter when it runs, else the first listed port.
  useEffect(() => {
    if (path) return;
    if (virtualRunning) setPath(virtualPath);
    else if (ports?.ports[0]) setPath(ports.ports[0].path);
  }, [path, virtualRunning, virtualPath, ports]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const baudRate = Number(baud);
    if (!path.trim()) return setFormError({ code: 'empty', message: t('scope.connect.emptyPath') });
    if (!Number.isInteger(baudRate) || baudRate < 50) return setFormError({ code: 'bad-baud-rate', message: t('scope.connect.badBaud', { value: baud }) });
    setFormError(null);
    await bench.connect({ path: path.trim(), baudRate, mode });
  };

  const adviceKey = error ? (error.code === 'empty' ? null : connectErrorKey(error.code)) : null;
  return (
    <form className="connect-form" onSubmit={(e) => void submit(e)} noValidate data-testid="connect-form">
      <label className="field-label" htmlFor="connect-path">
        {t('scope.connect.port')}
        <button type="button" className="text-button connect-form__refresh" onClick={() => void bench.refreshPorts()} disabled={portsLoading} data-testid="ports-refresh" title={t('scope.connect.refreshHint')}>
          {portsLoading ? t('common.working') : t('scope.connect.refresh')}
        </button>
      </label>
      <input
        id="connect-path"
        className={`text-input text-input--mono${error ? ' has-error' : ''}`}
        list={listId}
        value={path}
        onChange={(e) => setPath(e.target.value)}
        placeholder={t('scope.connect.pathPlaceholder')}
        spellCheck={false}
        autoComplete="off"
        data-testid="connect-path"
      />
      <datalist id={listId}>
        {ports?.ports.map((p) => (
          <option key={p.path} value={p.path}>
            {p.label}
          </option>
        ))}
      </datalist>
      <ul className="port-list" data-testid="port-list">
        {ports?.ports.map((p) => (
          <li key={p.path}>
            <button type="button" className={`port-list__item${p.path === path.trim() ? ' is-selected' : ''}`} onClick={() => setPath(p.path)} title={p.label}>
              <span className="port-list__path">{p.path}</span>
              <span className="port-list__label">{p.source === 'virtual' ? t('scope.connect.virtualLabel') : p.label.replace(`${p.path} — `, '').replace(p.path, '')}</span>
            </button>
          </li>
        ))}
        {ports && ports.ports.length === 0 && <li className="port-list__empty">{t('scope.connect.noPorts')}</li>}
      </ul>
      {ports?.source === 'dev-scan' && (
        <p className="field-hint" data-testid="ports-note" title={ports.note}>
          {t('scope.connect.devScan')}
        </p>
      )}
      <div className="connect-form__row">
        <label className="connect-form__cell">
          <span className="field-label">{t('scope.connect.baud')}</span>
          <select className="scope-select" value={baud} onChange={(e) => setBaud(e.target.value)} data-testid="connect-baud">
            {COMMON_BAUD_RATES.map((b) => (
              <option key={b} value={b}>
                {formatNumber(b, language, 0)}
              </option>
            ))}
          </select>
        </label>
        <label className="connect-form__cell">
          <span className="field-label">{t('scope.connect.mode')}</span>
          <select className="scope-select" value={mode} onChange={(e) => setMode(e.target.value as 'binary' | 'text')} data-testid="connect-mode">
            <option value="binary">{t('scope.connect.binary')}</option>
            <option value="text">{t('scope.connect.text')}</option>
          </select>
        </label>
      </div>
      <div className="connect-error" role="alert" data-testid="connect-error" data-code={error?.code ?? ''} hidden={error === null}>
        {adviceKey && <strong className="connect-error__title">{t(adviceKey)}</strong>}
        <span className="connect-error__detail">{error?.message}</span>
      </div>
      <button type="submit" className="button button--primary connect-form__submit" disabled={busy} data-testid="connect-submit">
        {busy ? t('scope.connect.connecting') : t('scope.connect.connect')}
      </button>
    </form>
  );
}

function Connected() {
  const { t } = useTranslation();
  const bench = useBench();
  const language = useUi((s) => s.language);
  const status = useBenchState((s) => s.status)!;
  const busy = useBenchState((s) => s.busy);
  const id = status.identity;
  const [sppError, setSppError] = useState<string | null>(null);
  return (
    <div className="connected" data-testid="connected">
      <dl className="stats-list">
        {id && (
          <>
            <div className="stats-list__row">
              <dt>{t('scope.board.serial')}</dt>
              <dd className="mono" data-testid="board-serial">{id.boardSerial}</dd>
            </div>
            <div className="stats-list__row">
              <dt>{t('scope.board.firmware')}</dt>
              <dd>
                {id.firmwareVersion} · {t('scope.board.protocol', { version: id.protocolVersion })}
              </dd>
            </div>
            <div className="stats-list__row">
              <dt>{t('scope.board.adc')}</dt>
              <dd>{t('scope.board.adcBits', { bits: id.adcBits, hz: id.nominalFrequencyHz })}</dd>
            </div>
          </>
        )}
        <div className="stats-list__row">
          <dt>{t('scope.board.port')}</dt>
          <dd className="mono">{status.path}</dd>
        </div>
        <div className="stats-list__row">
          <dt>{t('scope.board.link')}</dt>
          <dd>
            {status.baudRate ? `${formatNumber(status.baudRate, language, 0)} Bd` : '—'} · {status.mode === 'text' ? t('scope.connect.text') : t('scope.connect.binary')}
          </dd>
        </div>
        <div className="stats-list__row">
          <dt>{t('scope.board.rate')}</dt>
          <dd data-testid="board-rate">{status.sampleRateHz ? t('scope.board.rateValue', { rate: formatNumber(status.sampleRateHz, language, 1) }) : '—'}</dd>
        </div>
      </dl>
      {id && (
        <label className="connect-form__cell">
          <span className="field-label">{t('scope.board.samplesPerPeriod')}</span>
          <select
            className="scope-select"
            value={id.samplesPerPeriod}
            onChange={(e) => {
              setSppError(null);
              void bench.setSamplesPerPeriod(Number(e.target.value) as 64 | 128).then((r) => !r.ok && setSppError(r.message));
            }}
            data-testid="board-spp"
          >
            <option value={64}>64</option>
            <option value={128}>128</option>
          </select>
        </label>
      )}
      {sppError && <p className="field-error">{sppError}</p>}
      <button type="button" className="button connect-form__submit" onClick={() => void bench.disconnect()} disabled={busy} data-testid="disconnect">
        {t('scope.connect.disconnect')}
      </button>
    </div>
  );
}

export function ConnectPanel() {
  const { t } = useTranslation();
  const bench = useBench();
  const state = useBenchState((s) => s.status?.state ?? 'disconnected');
  const message = useBenchState((s) => s.status?.message ?? null);
  const live = useBenchState(isLive);
  return (
    <section className="scope-panel connect-panel" aria-label={t('scope.connect.title')}>
      <h2 className="section-title">{t('scope.connect.title')}</h2>
      <LinkStatusLine />
      {message && (state === 'connecting' || state === 'reconnecting') && (
        <p className="link-message" data-testid="link-message">
          {message}
        </p>
      )}
      {live ? (
        <Connected />
      ) : state === 'reconnecting' ? (
        <button type="button" className="button connect-form__submit" onClick={() => void bench.disconnect()} data-testid="disconnect">
          {t('scope.connect.stopTrying')}
        </button>
      ) : (
        <ConnectForm />
      )}
    </section>
  );
}
