import type { AnyProblem } from '../problem';
import type { Algorithm } from './algorithm';
import { Nsga2 } from './nsga2';
import { Nsga3 } from './nsga3';
import type { AlgorithmName, AlgorithmParameters } from './parameters';
import { Spea2 } from './spea2';

export function createAlgorithm(name: AlgorithmName, problem: AnyProblem, params: AlgorithmParameters): Algorithm {
  switch (name) {
    case 'nsga2':
      return new Nsga2(problem, params);
    case 'spea2':
      return new Spea2(problem, params);
    case 'nsga3':
      return new Nsga3(problem, params);
  }
}
