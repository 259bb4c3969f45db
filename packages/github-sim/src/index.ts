export type { BlobLookup } from './blobs';
export { SimHttpError } from './errors';
export { type ActiveFault, FaultInjector, type FaultSpec, mulberry32 } from './faults';
export {
  type AddCacheOptions,
  type AddDeploymentOptions,
  type AddedRun,
  type AddIssueOptions,
  type AddPullOptions,
  type AddRepoOptions,
  type AddRunOptions,
  type AnnotationSpec,
  type Conclusion,
  type DeploymentState,
  type FileChanges,
  type JobRecord,
  type JobSpec,
  type RepoState,
  type RunRecord,
  SimModel,
  type StepSpec,
} from './model';
export { linkHeader, paginate } from './pagination';
export type { Clock, RateLimitOptions, SecondaryLimitOptions } from './rate-limit';
export type { RouteContext, RouteHandler, SimResponse } from './router';
export { startGitHubSim } from './server';
export type { GitHubSim, GitHubSimOptions, RequestRecord, SimOrigin } from './sim-types';
