/**
 * The rollback engine: one entry, four modes. Pure over its deps (clock, logger, GitHub client,
 * HTTP probe, command runner): the action, `qeml verify|rollback|promote` and the tests share it.
 * A bad deployment, a refusal or a failed rollback is a result; only a user mistake throws.
 */
import { isConfigurationError } from '@qeml/action-kit';
import { createContext, type RunContext, refOf } from './context';
import { type ListedDeployment, refusedDescription, WriteBudgetExceeded, wasRefused } from './deployments';
import { verifyHealth } from './health';
import { acquireEnvironment, isThisRunsJobDeployment } from './known-good';
import { runBlueGreen, runCanary } from './progressive';
import { deadlineText, rollBack } from './rollback-flow';
import { knownGoodRef } from './strategies';
import type { HealthResult, RollbackConfig, RollbackDeps, RollbackResult } from './types';

function deployEnv(ctx: RunContext, deployment: ListedDeployment): Record<string, string> {
  return {
    DEPLOY_REF: deployment.marker?.ref ?? deployment.ref,
    DEPLOY_SHA: deployment.sha,
    DEPLOYMENT_ID: String(deployment.id),
    DEPLOY_ENVIRONMENT: ctx.config.environment,
  };
}

/** Deployments passed over when looking for the newest one a mode works on. */
const MAX_SKIPPED = 10;

/**
 * The deployment a mode works on: `deployment-id`, else the environment's newest carried out. When there is
 * none, the run is refused ("Nothing to verify: ...") and undefined returned.
 */
async function targetDeployment(
  ctx: RunContext,
  action: string,
  skipThisJob = false,
): Promise<ListedDeployment | undefined> {
  const { config, api, result } = ctx;
  let deployment: ListedDeployment | undefined;
  let why = `no deployment of '${config.environment}'`;
  if (config.deploymentId !== undefined) {
    const found = await api.get(config.deploymentId);
    if (found.environment === config.environment) deployment = found;
    else why = `deployment #${found.id} belongs to '${found.environment}', not '${config.environment}'`;
  } else {
    // The newest, past deployments a refused run left (never carried out) and, for a rollback, the
    // one GitHub records for this very job when it names `environment:`.
    const listed = (await api.list(config.environment)).slice(0, MAX_SKIPPED + 1);
    for (const candidate of listed) {
      const [latest] = await api.statuses(candidate.id);
      if (wasRefused(candidate, latest)) continue;
      if (skipThisJob && isThisRunsJobDeployment(candidate, latest, ctx.deps.runUrl)) continue;
      deployment = candidate;
      break;
    }
  }
  if (!deployment) {
    result.outcome = 'refused';
    result.message = `Nothing to ${action}: ${why}.`;
  }
  return deployment;
}

/**
 * The environment's newest deployment is still going on (another run's deploy or rollback, which
 * verifies it itself): refused, unless `deployment-id` names it or `force` is set. True when refused.
 */
async function refusedWhileInProgress(
  ctx: RunContext,
  deployment: ListedDeployment,
  doing: string,
  anyway: string,
): Promise<boolean> {
  const { config, result } = ctx;
  if (config.deploymentId !== undefined || config.force) return false;
  const [latest] = await ctx.api.statuses(deployment.id);
  // Ours without a status yet: another run created it a moment ago and is about to set in_progress.
  const going = latest ? ['queued', 'pending', 'in_progress'].includes(latest.state) : !!deployment.marker;
  if (!going) return false;
  if (isThisRunsJobDeployment(deployment, latest, ctx.deps.runUrl)) return false;
  result.outcome = 'refused';
  result.message = `Deployment #${deployment.id} of '${config.environment}' is in progress: refusing to ${doing} at the same time (name it with deployment-id, or set force, to ${anyway} anyway).`;
  ctx.note(result.message);
  return true;
}

/** A verification that did not pass: marked failed, rolled back unless auto-rollback is off. */
async function failed(
  ctx: RunContext,
  deployment: ListedDeployment,
  health: HealthResult,
  because: string,
): Promise<void> {
  const { result, config } = ctx;
  result.verdict = health.verdict;
  if (health.verdict === 'inconclusive') {
    result.outcome = 'failure';
    result.message = `Deployment #${deployment.id} could not be verified: ${health.reason}. Not rolled back (no evidence it is bad); it is not known-good either.`;
    await ctx.status(deployment, 'error', 'Verification inconclusive');
    ctx.note(result.message);
    return;
  }
  await ctx.status(deployment, 'failure', `${because.charAt(0).toUpperCase()}${because.slice(1)}`);
  const deadlineStart = health.firstFailureAt ?? ctx.deps.clock.now();
  if (!config.autoRollback) {
    result.outcome = 'failure';
    result.message = `Deployment #${deployment.id} ${because} (auto-rollback is off: not rolled back).`;
    ctx.note(result.message);
    return;
  }
  await rollBack(ctx, { bad: deployment, because, deadlineStart });
  if (result.rolledBack) {
    result.outcome = 'failure';
    result.message = `Deployment #${deployment.id} ${because}; rolled back to ${result.knownGood?.ref} (deployment #${result.rollbackDeployment?.id}), ${deadlineText(config.deadlineMs, result.deadline?.elapsedMs)}.`;
  } else if (result.outcome === 'refused' || result.outcome === 'error') {
    result.message = `Deployment #${deployment.id} ${because}, and was not rolled back: ${result.message}`;
  }
}

async function verified(ctx: RunContext, deployment: ListedDeployment, health: HealthResult): Promise<void> {
  ctx.result.verdict = 'pass';
  ctx.result.message = `Deployment #${deployment.id} (${deployment.marker?.ref ?? deployment.ref}) verified healthy: ${health.reason}.`;
  await ctx.status(deployment, 'success', `Verified: ${health.reason}`);
}

async function deploy(ctx: RunContext): Promise<void> {
  const { config, api, result } = ctx;
  const ref = config.ref ?? '';
  const deployment = await api.create({
    ref,
    environment: config.environment,
    description: `Deploy ${ref}`,
    task: 'deploy',
    marker: { version: 1, kind: 'deploy', ref },
    production: config.production,
    transient: config.transient,
    requiredContexts: config.requiredContexts,
  });
  result.deployment = refOf(deployment);
  ctx.note(
    `Deployment #${deployment.id} of ${ref} (${deployment.sha.slice(0, 7)}) to '${config.environment}' created.`,
  );
  await ctx.status(deployment, 'in_progress', `Deploying ${ref}`);
  const lock = await acquireEnvironment(api, config.environment, deployment, [], ctx.deps.runUrl);
  if (!lock.acquired && !config.force) {
    result.outcome = 'refused';
    result.message = `Deployment #${lock.holder.id} of '${config.environment}' is in progress: refusing to deploy at the same time (set force to override).`;
    await ctx.status(deployment, 'error', refusedDescription(lock.holder.id));
    ctx.note(result.message);
    return;
  }
  const env = deployEnv(ctx, deployment);
  if (config.deployCommand) {
    const ran = await ctx.deps.commands({
      label: 'deploy-command',
      script: config.deployCommand,
      env,
      timeoutMs: config.commandTimeoutMs,
    });
    if (!ran.ok) {
      result.verdict = 'fail';
      const noHealth: HealthResult = {
        verdict: 'fail',
        reason: ran.reason,
        checks: [],
        successes: 0,
        failures: 0,
        errors: 0,
        firstFailureAt: ctx.deps.clock.now(),
        decidedAt: ctx.deps.clock.now(),
      };
      await failed(ctx, deployment, noHealth, `failed to deploy: deploy-command ${ran.reason}`);
      return;
    }
    ctx.note('deploy-command succeeded.');
  }
  if (config.canarySteps.length > 0 || config.switchCommand) {
    const outcome =
      config.canarySteps.length > 0
        ? await runCanary(ctx, deployment, env)
        : await runBlueGreen(ctx, deployment, env);
    if (outcome.passed) await verified(ctx, deployment, outcome.health);
    return;
  }
  const health = await verifyHealth(config.health, ctx.deps, {
    subject: `deployment #${deployment.id}`,
    env,
  });
  result.health = health;
  if (health.verdict === 'pass') await verified(ctx, deployment, health);
  else await failed(ctx, deployment, health, `failed verification (${health.reason})`);
}

async function verify(ctx: RunContext): Promise<void> {
  const { config, result } = ctx;
  const deployment = await targetDeployment(ctx, 'verify');
  if (!deployment) return;
  result.deployment = refOf(deployment);
  // Only ours: our deploy and rollback runs verify their own deployment; another tool's waits for us.
  if (deployment.marker && (await refusedWhileInProgress(ctx, deployment, 'verify it', 'verify it'))) return;
  ctx.note(
    `Verifying deployment #${deployment.id} (${deployment.marker?.ref ?? deployment.ref}, ${deployment.sha.slice(0, 7)}).`,
  );
  const health = await verifyHealth(config.health, ctx.deps, {
    subject: `deployment #${deployment.id}`,
    env: deployEnv(ctx, deployment),
  });
  result.health = health;
  if (health.verdict === 'pass') await verified(ctx, deployment, health);
  else await failed(ctx, deployment, health, `failed verification (${health.reason})`);
}

async function rollbackNow(ctx: RunContext): Promise<void> {
  const { config, result } = ctx;
  const bad = await targetDeployment(ctx, 'roll back', true);
  if (!bad) return;
  result.deployment = refOf(bad);
  if (await refusedWhileInProgress(ctx, bad, 'roll back', 'roll it back')) return;
  ctx.note(`Rolling back deployment #${bad.id} (${bad.marker?.ref ?? bad.ref}) on request.`);
  await rollBack(ctx, {
    bad,
    because: 'was rolled back on request',
    deadlineStart: result.startedAt,
    markBad: true,
  });
  // The verdict of this mode is the rollback's own verification.
  result.verdict = result.rollbackHealth?.verdict ?? 'inconclusive';
  if (result.rolledBack) {
    result.message = `Rolled back '${config.environment}' from deployment #${bad.id} to ${result.knownGood?.ref} (deployment #${result.rollbackDeployment?.id}), ${deadlineText(config.deadlineMs, result.deadline?.elapsedMs)}.`;
  }
}

async function promote(ctx: RunContext): Promise<void> {
  const { config, result, api } = ctx;
  const deployment = await targetDeployment(ctx, 'promote');
  if (!deployment) return;
  const checked = config.health.urls.length > 0 || config.health.command !== undefined;
  const [latest] = await api.states(deployment.id);
  if (!checked && (latest === 'failure' || latest === 'error')) {
    result.deployment = refOf(deployment);
    result.outcome = 'refused';
    result.message = `Deployment #${deployment.id} ended in ${latest}: not promoted without a health check (give health-urls or health-command).`;
    return;
  }
  if (checked) {
    const health = await verifyHealth(config.health, ctx.deps, {
      subject: `deployment #${deployment.id}`,
      env: deployEnv(ctx, deployment),
    });
    result.health = health;
    result.verdict = health.verdict;
    if (health.verdict !== 'pass') {
      result.deployment = refOf(deployment);
      result.outcome = 'failure';
      result.message = `Deployment #${deployment.id} was not promoted: ${health.reason}.`;
      ctx.note(result.message);
      return;
    }
  } else result.verdict = 'pass';
  let marked = deployment;
  if (!deployment.marker || deployment.marker.kind === 'rollback') {
    // The payload cannot change after creation: a deployment made elsewhere is recorded anew, marked.
    marked = await api.create({
      ref: deployment.sha,
      environment: config.environment,
      description: `Promoted deployment #${deployment.id} to known-good`,
      task: 'deploy:promote',
      marker: { version: 1, kind: 'promote', ref: deployment.marker?.ref ?? deployment.ref },
      production: config.production,
      transient: config.transient,
      requiredContexts: [],
    });
    ctx.note(`Deployment #${marked.id} records deployment #${deployment.id} (${deployment.ref}) as ours.`);
  }
  result.deployment = refOf(marked);
  await ctx.status(
    marked,
    'success',
    `Promoted to known-good${result.health ? `: ${result.health.reason}` : ''}`,
  );
  result.message = `Deployment #${marked.id} (${knownGoodRef(marked)}, ${marked.sha.slice(0, 7)}) is the known-good release of '${config.environment}'.`;
}

/** GitHub's answer to a failed request, in one line: status, method, route, message. */
function apiProblem(error: unknown): string | undefined {
  const e = error as {
    status?: number;
    request?: { method?: string; url?: string };
    response?: { data?: { message?: string } };
  };
  if (typeof e?.status !== 'number' || !e.request) return undefined;
  const path = e.request.url ? new URL(e.request.url).pathname : '';
  const message = e.response?.data?.message ?? (error as Error).message;
  return `GitHub answered ${e.status} to ${e.request.method} ${path}: ${message.replace(/\.$/, '')}`;
}

export async function runRollback(config: RollbackConfig, deps: RollbackDeps): Promise<RollbackResult> {
  const ctx = createContext(config, deps);
  const { result } = ctx;
  try {
    const modes = { deploy, verify, rollback: rollbackNow, promote };
    await modes[config.mode](ctx);
  } catch (error) {
    if (isConfigurationError(error)) throw error;
    const problem = error instanceof WriteBudgetExceeded ? error.message : apiProblem(error);
    if (!problem) throw error;
    result.outcome = 'error';
    result.message = `${result.message ? `${result.message} ` : ''}Stopped: ${problem}.`;
    ctx.note(`Stopped: ${problem}.`);
  }
  if (result.outcome === 'success' && result.verdict !== 'pass') result.outcome = 'failure';
  result.apiWrites = ctx.api.writes;
  result.durationMs = deps.clock.now() - result.startedAt;
  return result;
}
