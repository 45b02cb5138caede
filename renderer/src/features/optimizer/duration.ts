// Durations for people: "0,4 s", "12 s", "2 min 05 s".
import type { Language } from '../../../../shared/api/app-api';
import { formatNumber } from '../../i18n/format';

const NBSP = '\u00a0';

export function formatDuration(ms: number, language: Language): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 10) return `${formatNumber(s, language, 1)}${NBSP}s`;
  if (s < 60) return `${Math.round(s)}${NBSP}s`;
  const total = Math.round(s);
  return `${Math.floor(total / 60)}${NBSP}min ${String(total % 60).padStart(2, '0')}${NBSP}s`;
}
