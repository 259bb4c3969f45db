export type { BlobLookup } from './blobs';
export { SimHttpError } from './errors';
export { type ActiveFault, FaultInjector, type FaultSpec, mulberry32 } from './faults';
export * from './model';
export { linkHeader, paginate } from './pagination';
export type { Clock, RateLimitOptions, SecondaryLimitOptions } from './rate-limit';
export type { RouteContext, RouteHandler, SimResponse } from './router';
export { startGitHubSim } from './server';
export type { GitHubSim, GitHubSimOptions, RequestRecord, SimOrigin } from './sim-types';
