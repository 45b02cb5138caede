// Chart data for the Monitor area, pure: the trend's buckets as uPlot columns (seconds, W), and the daily
// energy as bars on local midnights (kWh). Buckets missing between two points become gaps, not lines.
import type { DailyEnergy, TrendPoint } from '../../../../shared/api/device-api';

export interface TrendColumns {
  readonly t: number[];
  readonly pAvg: (number | null)[];
  readonly pMin: (number | null)[];
  readonly pMax: (number | null)[];
}

/** Buckets in seconds, with a null inserted where one or more buckets are missing (a gap in the recording). */
export function trendColumns(points: readonly TrendPoint[], bucketMinutes: number): TrendColumns {
  const out: TrendColumns = { t: [], pAvg: [], pMin: [], pMax: [] };
  const step = bucketMinutes * 60;
  let previous: number | null = null;
  for (const p of points) {
    const t = Date.parse(p.t) / 1000;
    if (previous !== null && t - previous > step * 1.5) {
      out.t.push(previous + step);
      out.pAvg.push(null);
      out.pMin.push(null);
      out.pMax.push(null);
    }
    out.t.push(t);
    out.pAvg.push(p.pAvgW);
    out.pMin.push(p.pMinW);
    out.pMax.push(p.pMaxW);
    previous = t;
  }
  return out;
}

/** Days (YYYY-MM-DD, already in local time) as local midnights in seconds, energies in kWh. */
export function dailyColumns(days: readonly DailyEnergy[]): { t: number[]; kWh: number[] } {
  return {
    t: days.map((d) => {
      const [y, m, day] = d.day.split('-').map(Number);
      return new Date(y, m - 1, day).getTime() / 1000;
    }),
    kWh: days.map((d) => d.energyWh / 1000),
  };
}
