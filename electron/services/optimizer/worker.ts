// Worker-thread entry of the optimiser (bundled to out/workers/optimizer.cjs). Imports shared/ only,
// besides worker_threads; the job itself lives in job.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runOptimizationJob } from './job';
import type { OptimizerWorkerData, OptimizerWorkerMessage } from './protocol';

const data = workerData as OptimizerWorkerData;
const cancelFlag = new Int32Array(data.cancelFlag);

runOptimizationJob(data.request, {
  now: () => performance.now(),
  isCancelled: () => Atomics.load(cancelFlag, 0) !== 0,
  post: (message: OptimizerWorkerMessage) => parentPort?.postMessage(message),
  progressIntervalMs: data.progressIntervalMs,
});
