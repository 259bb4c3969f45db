import { notFound, validationFailed } from '../errors';
import { DEPLOYMENT_STATES, type DeploymentState } from '../model/deployments';
import type { Router } from '../router';
import { bodyObject, intParam, optionalString, repoOf, requiredString } from './common';

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
    return { status: 201, body: ctx.model.deployments.render(repo, deployment) };
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', (ctx) => {
    const repo = repoOf(ctx);
    const deployment = ctx.model.deployments.get(repo, intParam(ctx, 'deployment_id'));
    return { body: ctx.model.deployments.render(repo, deployment) };
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
    return { status: 201, body: ctx.model.deployments.renderStatus(repo, status) };
  });

  router.add('GET', '/repos/{owner}/{repo}/environments', (ctx) => {
    const repo = repoOf(ctx);
    const environments = ctx.model.deployments.environmentsOf(repo);
    return ctx.paginate(
      environments.map((e) => ctx.model.deployments.renderEnvironment(repo, e)),
      'environments',
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/environments/{environment_name}', (ctx) => {
    const repo = repoOf(ctx);
    const name = (ctx.params.environment_name ?? '').toLowerCase();
    const environment = ctx.model.deployments.environmentsOf(repo).find((e) => e.name.toLowerCase() === name);
    if (!environment) throw notFound();
    return { body: ctx.model.deployments.renderEnvironment(repo, environment) };
  });
}
