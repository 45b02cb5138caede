// The front point the user is looking at (hovered or clicked in a Pareto view): the plan draws its
// devices as ghosts over the current placement. A vanilla store so the planner's canvas and the tests
// read it without React; null when nothing is previewed.
import { createStore } from 'zustand/vanilla';

export interface PreviewDevice {
  readonly x: number;
  readonly y: number;
  readonly kind: 'sensor' | 'router';
}

export interface SolutionPreview {
  readonly runId: number;
  /** Index of the solution in the run's stored front (what applySolution takes). */
  readonly index: number;
  readonly devices: readonly PreviewDevice[];
}

export interface PreviewState {
  readonly preview: SolutionPreview | null;
}

export const previewStore = createStore<PreviewState>()(() => ({ preview: null }));

export function setPreview(preview: SolutionPreview | null): void {
  previewStore.setState({ preview });
}

export function clearPreview(): void {
  previewStore.setState({ preview: null });
}
