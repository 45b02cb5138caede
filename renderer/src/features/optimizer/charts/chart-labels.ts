// What the charts need to write text: objective labels, formatted values, a series' title.
import type { FrontSeries } from './chart-model';

type Objective = FrontSeries['objectives'][number];

export interface ChartLabels {
  readonly objective: (o: Objective) => string;
  /** An axis title: the objective with its unit, and which way is better. */
  readonly axis: (o: Objective) => string;
  readonly value: (v: number, o: Objective) => string;
  readonly series: (s: FrontSeries) => string;
  /** The tooltip's last line: "click to show on the plan", or why a live point cannot be chosen yet. */
  readonly hint: (s: FrontSeries) => string;
  readonly solution: (s: FrontSeries, index: number) => string;
}
