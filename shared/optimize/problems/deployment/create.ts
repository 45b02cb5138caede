// The realistic deployment problems by name, for the optimiser's runner and command line:
//   routers-mw  routers: cost vs. connectivity of the floor to the gateway;
//   sensors-mw  sensors around fixed routers: cost, coverage, connectivity, over-coverage (+ lifetime);
//   joint-mw    routers and sensors placed together.
// "mw" for the multi-wall propagation they use with real radios; with the thesis's ideal-disk devices
// they reduce exactly to the thesis's problems.
import type { Point } from '../../../model/building';
import type { AnyProblem } from '../../problem';
import type { DeploymentFloor } from './floor-model';
import { jointProblem } from './joint-problem';
import type { DeploymentEncodingKind } from './objectives';
import { routersProblem } from './routers-problem';
import { sensorsProblem } from './sensors-problem';

export const DEPLOYMENT_PROBLEMS = ['routers-mw', 'sensors-mw', 'joint-mw'] as const;
export type DeploymentProblemName = (typeof DEPLOYMENT_PROBLEMS)[number];

export function isDeploymentProblemName(name: string): name is DeploymentProblemName {
  return (DEPLOYMENT_PROBLEMS as readonly string[]).includes(name);
}

export interface CreateDeploymentProblemOptions {
  readonly encoding?: DeploymentEncodingKind;
  /** sensors-mw: the routers already placed. */
  readonly routers?: readonly Point[];
}

export function createDeploymentProblem(name: DeploymentProblemName, model: DeploymentFloor, options: CreateDeploymentProblemOptions = {}): AnyProblem {
  switch (name) {
    case 'routers-mw':
      return routersProblem(model, options.encoding);
    case 'sensors-mw':
      return sensorsProblem(model, options);
    case 'joint-mw':
      return jointProblem(model, options.encoding);
  }
}
