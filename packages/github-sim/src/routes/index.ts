import type { Router } from '../router';
import { registerActionsRoutes } from './actions';
import { registerCacheRoutes } from './caches';
import { registerDeploymentRoutes } from './deployments';
import { registerGitDataRoutes } from './git-data';
import { registerIssueRoutes } from './issues';
import { registerLabelRoutes } from './labels';
import { registerRepoRoutes } from './repos';
import { registerStatusRoutes } from './statuses';
import { registerTarballRoutes } from './tarball';

export function registerRoutes(router: Router): void {
  registerRepoRoutes(router);
  registerActionsRoutes(router);
  registerIssueRoutes(router);
  registerLabelRoutes(router);
  registerDeploymentRoutes(router);
  registerCacheRoutes(router);
  registerStatusRoutes(router);
  registerTarballRoutes(router);
  registerGitDataRoutes(router);
}
