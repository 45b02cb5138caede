// The three algorithms as the window names and colours them (one colour each, theme/palette.ts).
import type { AlgorithmName } from '../../../../shared/api/optimization-api';
import { ALGORITHM_COLOURS } from '../../theme/palette';

export const ALGORITHMS: readonly AlgorithmName[] = ['nsga2', 'spea2', 'nsga3'];

/** Published names (Deb 2002; Zitzler 2001; Deb & Jain 2014): not translated. */
export const ALGORITHM_TITLES: Readonly<Record<AlgorithmName, string>> = { nsga2: 'NSGA-II', spea2: 'SPEA2', nsga3: 'NSGA-III' };

export function algorithmColour(algorithm: AlgorithmName): string {
  return ALGORITHM_COLOURS[algorithm];
}
