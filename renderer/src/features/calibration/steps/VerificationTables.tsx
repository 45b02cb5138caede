// The verification like the source paper's Tables 2 and 3: one table per sampling rate (64, then 128
// samples per period), reference beside board with the relative error of each quantity, and the verdict
// of each active-power row against the class limit; the overall verdict below.
import { useTranslation } from 'react-i18next';
import type { VerificationPoint } from '../../../../../shared/calibration/calibration-api';
import type { OverallVerdict, VerificationRow } from '../../../../../shared/calibration/verification';
import { QUANTITY_UNITS } from '../../../../../shared/calibration/verification';
import { useUi } from '../../../state/app-context';
import { fixed, percent, withUnit } from '../format';

const DECIMALS: Record<VerificationRow['quantity'], number> = { voltage: 2, current: 3, activePower: 1, powerFactor: 3, frequency: 2 };

function Row({ row, first, span, onRemove, disabled }: { row: VerificationRow; first: boolean; span: number; onRemove?: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const v = (x: number) => withUnit(fixed(x, DECIMALS[row.quantity], language), QUANTITY_UNITS[row.quantity]);
  return (
    <tr className={`cal-verdict-row is-${row.verdict}${first ? ' is-first' : ''}`} data-testid={`verify-row-${row.quantity}`}>
      {first && (
        <th scope="rowgroup" rowSpan={span} className="cal-point-label">
          <span>{row.point}</span>
          {onRemove && (
            <button type="button" className="text-button text-button--small" disabled={disabled} onClick={onRemove} data-testid="verify-remove">
              {t('calibration.measure.remove')}
            </button>
          )}
        </th>
      )}
      <td>{t(`calibration.verifyQuantities.${row.quantity}`)}</td>
      <td className="num">{v(row.referenceValue)}</td>
      <td className="num">{v(row.boardValue)}</td>
      <td className="num cal-error">{percent(row.errorPercent, language, 2)}</td>
      <td className="num">{row.limitPercent === null ? '—' : `±${fixed(row.limitPercent, 1, language)} %`}</td>
      <td className="cal-verdict-cell" title={row.basis}>
        {row.verdict === 'info' ? <span className="cal-info">{t('calibration.rowVerdict.info')}</span> : <span className={`cal-badge is-${row.verdict}`}>{t(`calibration.rowVerdict.${row.verdict}`)}</span>}
      </td>
    </tr>
  );
}

export function VerificationTables({ points, onRemove, disabled = false }: { points: readonly (VerificationPoint & { index?: number })[]; onRemove?: (index: number) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const rates = [...new Set(points.map((p) => p.samplesPerPeriod))].sort((a, b) => a - b);
  if (points.length === 0) return <p className="cal-card__lead cal-empty">{t('calibration.verify.none')}</p>;
  return (
    <>
      {rates.map((spp) => (
        <table key={spp} className="cal-table cal-table--verify" data-testid={`verify-table-${spp}`}>
          <caption>{t('calibration.verify.tableCaption', { spp })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.verify.point')}</th>
              <th scope="col">{t('calibration.readings.quantity')}</th>
              <th scope="col" className="num">
                {t('calibration.readings.reference')}
              </th>
              <th scope="col" className="num">
                {t('calibration.verify.board')}
              </th>
              <th scope="col" className="num">
                {t('calibration.verify.error')}
              </th>
              <th scope="col" className="num">
                {t('calibration.verify.limit')}
              </th>
              <th scope="col">{t('calibration.verify.verdict')}</th>
            </tr>
          </thead>
          {points
            .map((p, k) => ({ p, index: p.index ?? k }))
            .filter(({ p }) => p.samplesPerPeriod === spp)
            .map(({ p, index }) => (
              <tbody key={index} data-testid={`verify-point-${index}`}>
                {p.rows.map((row, r) => (
                  <Row key={row.quantity} row={row} first={r === 0} span={p.rows.length} onRemove={onRemove ? () => onRemove(index) : undefined} disabled={disabled} />
                ))}
              </tbody>
            ))}
        </table>
      ))}
    </>
  );
}

export function VerdictBox({ verdict, accuracyClass }: { verdict: OverallVerdict; accuracyClass: string }) {
  const { t } = useTranslation();
  return (
    <div className={`cal-verdict is-${verdict.verdict}`} role="status" data-testid="cal-verdict" data-verdict={verdict.verdict}>
      <strong className="cal-verdict__title">{t(`calibration.verify.overall.${verdict.verdict}`, { accuracyClass })}</strong>
      <span className="cal-verdict__detail">{t('calibration.verify.judged', { count: verdict.judgedRows })}</span>
      {verdict.reasons.length > 0 && (
        <ul className="cal-verdict__reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
