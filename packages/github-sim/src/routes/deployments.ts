import { notFound, SimHttpError, validationFailed } from '../errors';
import type { RepoState, SimModel } from '../model';
import { DEPLOYMENT_STATES, type DeploymentState } from '../model/deployments';
import { isAncestor } from '../model/git';
import type { Router, SimResponse } from '../router';
import { bodyObject, intParam, optionalString, repoOf, requiredString, stringList } from './common';

/**
 * auto_merge (default true): a branch behind the default branch gets it merged in and the answer
 * is 202 with a message and no deployment. (REST docs "Create a deployment": "Merged branch response")
 */
function autoMerge(model: SimModel, repo: RepoState, ref: string, sha: string): SimResponse | undefined {
  const base = repo.defaultBranch;
  const baseSha = model.repos.requireRef(repo, base);
  const branch = ref.replace(/^refs\/heads\//, '');
  if (branch === base || !repo.branches.has(branch) || isAncestor(repo, baseSha, sha)) return undefined;
  model.repos.addCommit(repo, { branch, parents: [sha, baseSha], message: `Merge ${base} into ${branch}` });
  return { status: 202, body: { message: `Auto-merged ${base} into ${branch} on deployment.` } };
}

/**
 * required_contexts (default: every context reported on the commit; [] skips the check): each
 * must be `success`, else 409. Commit statuses are the contexts the sim knows.
 */
function checkRequiredContexts(
  model: SimModel,
  repo: RepoState,
  ref: string,
  sha: string,
  required?: string[],
): void {
  const latest = model.statuses.latestPerContext(repo, sha);
  const contexts = required ?? latest.map((s) => s.context);
  const failing = contexts
    .map((context) => ({ context, state: latest.find((s) => s.context === context)?.state ?? 'missing' }))
    .filter((c) => c.state !== 'success');
  if (failing.length === 0) return;
  throw new SimHttpError(
    409,
    `Conflict: Commit status checks failed for ${ref}.`,
    'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
    [{ contexts: failing, resource: 'Deployment', field: 'required_contexts', code: 'invalid' }],
  );
}

/** Deployments, deployment statuses and environments. */
export function registerDeploymentRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/deployments', (ctx) => {
    const repo = repoOf(ctx);
    const { sha, ref, task, environment } = ctx.query;
    const deployments = ctx.model.deployments
      .of(repo)
      .filter(
        (d) =>
          (!sha || d.sha === sha) &&
          (!ref || d.ref === ref) &&
          (!task || d.task === task) &&
          (!environment || d.environment === environment),
      );
    return ctx.paginate(deployments.map((d) => ctx.model.deployments.render(repo, d)));
  });

  router.add('POST', '/repos/{owner}/{repo}/deployments', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const ref = requiredString(body, 'ref', 'Deployment');
    const sha = ctx.model.repos.requireRef(repo, ref);
    const payload = body.payload;
    if (
      payload !== undefined &&
      typeof payload !== 'string' &&
      (typeof payload !== 'object' || payload === null)
    ) {
      throw validationFailed('Deployment', 'payload', 'invalid');
    }
    if (body.auto_merge !== false) {
      const merged = autoMerge(ctx.model, repo, ref, sha);
      if (merged) return merged;
    }
    const required =
      body.required_contexts === undefined || body.required_contexts === null
        ? undefined
        : stringList(body.required_contexts, 'required_contexts', 'Deployment');
    checkRequiredContexts(ctx.model, repo, ref, sha, required);
    const environment = optionalString(body, 'environment', 'Deployment');
    const description = optionalString(body, 'description', 'Deployment');
    const task = optionalString(body, 'task', 'Deployment');
    const deployment = ctx.model.deployments.add(repo, {
      ref,
      sha,
      ...(environment !== undefined ? { environment } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(task !== undefined ? { task } : {}),
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> | string } : {}),
      ...(typeof body.transient_environment === 'boolean' ? { transient: body.transient_environment } : {}),
      ...(typeof body.production_environment === 'boolean'
        ? { production: body.production_environment }
        : {}),
    });
    const rendered = ctx.model.deployments.render(repo, deployment);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    return { body: ctx.model.deployments.render(repo, deployment) };
  });

  // Only inactive deployments can be deleted, unless it is the repository's only one. (REST docs "Delete a deployment")
  router.add('DELETE', '/repos/{owner}/{repo}/deployments/{deployment_id}', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    const only = ctx.model.deployments.of(repo).length === 1;
    if (!only && ctx.model.deployments.latestStatus(deployment)?.state !== 'inactive') {
      throw new SimHttpError(
        422,
        'We cannot delete an active deployment unless it is the only deployment in a given environment.',
      );
    }
    ctx.model.deployments.remove(deployment);
    return { status: 204 };
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    const statuses = ctx.model.deployments.statusesOf(deployment);
    return ctx.paginate(statuses.map((s) => ctx.model.deployments.renderStatus(repo, s)));
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    const id = intParam(ctx, 'status_id');
    const status = ctx.model.deployments.statusesOf(deployment).find((s) => s.id === id);
    if (!status) throw notFound();
    return { body: ctx.model.deployments.renderStatus(repo, status) };
  });

  router.add('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    const body = bodyObject(ctx);
    const state = requiredString(body, 'state', 'DeploymentStatus');
    if (!(DEPLOYMENT_STATES as readonly string[]).includes(state)) {
      throw validationFailed('DeploymentStatus', 'state', 'invalid');
    }
    const pick = (field: string) => optionalString(body, field, 'DeploymentStatus');
    const description = pick('description');
    const environment = pick('environment');
    const environmentUrl = pick('environment_url');
    const logUrl = pick('log_url') ?? pick('target_url');
    const status = ctx.model.deployments.addStatus(repo, deployment, {
      state: state as DeploymentState,
      ...(description !== undefined ? { description } : {}),
      ...(environment !== undefined ? { environment } : {}),
      ...(environmentUrl !== undefined ? { environmentUrl } : {}),
      ...(logUrl !== undefined ? { logUrl } : {}),
      ...(typeof body.auto_inactive === 'boolean' ? { autoInactive: body.auto_inactive } : {}),
    });
    const rendered = ctx.model.deployments.renderStatus(repo, status);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });

  router.add('GET', '/repos/{owner}/{repo}/environments', (ctx) => {
    const repo = repoOf(ctx);
    const environments = ctx.model.deployments.environmentsOf(repo);
    return ctx.paginate(
      environments.map((e) => ctx.model.deployments.renderEnvironment(repo, e)),
      'environments',
    );
  });

  // REST docs "Create or update an environment": 200 with the environment either way.
  router.add('PUT', '/repos/{owner}/{repo}/environments/{environment_name}', (ctx) => {
    const repo = repoOf(ctx);
    const environment = ctx.model.deployments.ensureEnvironment(repo, ctx.params.environment_name ?? '');
    return { body: ctx.model.deployments.renderEnvironment(repo, environment) };
  });

  router.add('GET', '/repos/{owner}/{repo}/environments/{environment_name}', (ctx) => {
    const repo = repoOf(ctx);
    const name = (ctx.params.environment_name ?? '').toLowerCase();
    const environment = ctx.model.deployments.environmentsOf(repo).find((e) => e.name.toLowerCase() === name);
    if (!environment) throw notFound();
    return { body: ctx.model.deployments.renderEnvironment(repo, environment) };
  });
}
