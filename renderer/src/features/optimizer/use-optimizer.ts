// React access to the window's optimiser: the controller, and narrow selectors on its store.
import { useStore } from 'zustand';
import { useApp } from '../../state/app-context';
import type { OptimizerController } from './optimizer-controller';
import { optimizerFor } from './optimizer-services';
import type { OptimizerState } from './optimizer-store';

export function useOptimizer(): OptimizerController {
  return optimizerFor(useApp());
}

export function useOptimizerState<T>(selector: (s: OptimizerState) => T): T {
  return useStore(useOptimizer().store, selector);
}
