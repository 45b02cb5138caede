import { radioBench } from './radio';
import { decoderBench } from './decoder';
import { optimizeBench } from './optimize';
import { firmwareBench } from './firmware';
import { canvasBench } from './canvas';
import { scopeBench } from './scope';

export interface Bench {
  readonly name: string;
  run(): Promise<void>;
}

// Each benchmark lives in its own file; register it here with one line.
export const benches: readonly Bench[] = [radioBench, decoderBench, optimizeBench, firmwareBench, canvasBench, scopeBench];
