/**
 * Going back to the known-good release: refuse a rollback of a rollback, find the known-good
 * deployment, record the rollback as a new deployment (which takes the environment's lock), carry
 * it out with the strategy, verify it, and measure the deadline. One attempt: never a loop.
 */
import { elapsed, type RunContext, refOf } from './context';
import { type ListedDeployment, refusedDescription } from './deployments';
import { verifyHealth } from './health';
import { acquireEnvironment, findKnownGood } from './known-good';
import { knownGoodRef, rollbackEnv, runStrategy } from './strategies';

export interface RollbackRequest {
  bad: ListedDeployment;
  /** Why we roll back (for statuses and the report). */
  because: string;
  /** When the deadline started: the first failed check, or when a rollback was asked for. */
  deadlineStart: number;
  /** Mark `bad` failed once the rollback proceeds (a verification failure has marked it already). */
  markBad?: boolean;
}

/** Ends the deadline: met when a verified rollback came within `rollback-deadline` of its start. */
function closeDeadline(ctx: RunContext, start: number, verifiedAt: number | undefined): void {
  const limitMs = ctx.config.deadlineMs;
  if (verifiedAt === undefined) {
    ctx.result.deadline = { limitMs, startedAt: start, met: false };
    return;
  }
  const elapsedMs = verifiedAt - start;
  ctx.result.deadline = { limitMs, startedAt: start, elapsedMs, met: elapsedMs <= limitMs };
}

export function deadlineText(limitMs: number, elapsedMs: number | undefined): string {
  if (elapsedMs === undefined)
    return `the rollback was not verified: the ${elapsed(limitMs)} deadline was missed`;
  return elapsedMs <= limitMs
    ? `verified ${elapsed(elapsedMs)} after the first failure, ${elapsed(limitMs - elapsedMs)} inside the ${elapsed(limitMs)} deadline`
    : `verified ${elapsed(elapsedMs)} after the first failure, ${elapsed(elapsedMs - limitMs)} over the ${elapsed(limitMs)} deadline`;
}

/** Rolls back `bad`; fills the result (outcome, message, rolledBack, known-good, deadline). */
export async function rollBack(ctx: RunContext, request: RollbackRequest): Promise<void> {
  const { config, api, result } = ctx;
  const { bad } = request;
  if (bad.marker?.kind === 'rollback') {
    // A rollback that fails its own verification means the known-good is bad too (or the platform is):
    // rolling back again would flap between releases. A person decides.
    result.outcome = 'refused';
    result.message = `Deployment #${bad.id} is itself a rollback (to ${bad.marker.ref ?? bad.sha.slice(0, 7)}): not rolling back a rollback. Look at the environment by hand.`;
    ctx.note(result.message);
    closeDeadline(ctx, request.deadlineStart, undefined);
    return;
  }
  const answer = await findKnownGood(api, config.environment, { excludeSha: bad.sha, excludeIds: [bad.id] });
  if (!answer.found) {
    result.outcome = 'refused';
    result.message = answer.reason;
    ctx.note(answer.reason);
    closeDeadline(ctx, request.deadlineStart, undefined);
    return;
  }
  const knownGood = answer.deployment;
  result.knownGood = refOf(knownGood);
  ctx.note(
    `Known-good release: deployment #${knownGood.id} (${knownGoodRef(knownGood)}, ${knownGood.sha.slice(0, 7)}).`,
  );

  if (config.strategy === 'revert') {
    const outcome = await runStrategy(config, ctx.deps, api, { bad, knownGood }, result);
    ctx.note(outcome.ok ? `Revert: ${outcome.note}.` : outcome.reason);
    result.outcome = outcome.ok ? 'failure' : 'error';
    result.message = outcome.ok
      ? `Deployment #${bad.id} ${request.because}; revert pull request #${result.revertPullRequest?.number} restores ${knownGoodRef(knownGood)} once merged and deployed.`
      : outcome.reason;
    closeDeadline(ctx, request.deadlineStart, undefined);
    return;
  }

  const rollbackDeployment = await api.create({
    ref: knownGood.sha,
    environment: config.environment,
    description: `Rollback to ${knownGoodRef(knownGood)} after deployment #${bad.id} ${request.because}`,
    task: 'deploy:rollback',
    marker: {
      version: 1,
      kind: 'rollback',
      'rollback-of': bad.id,
      'known-good': knownGood.id,
      ref: knownGoodRef(knownGood),
    },
    production: config.production,
    transient: config.transient,
    requiredContexts: [],
  });
  result.rollbackDeployment = refOf(rollbackDeployment);
  ctx.note(`Rollback deployment #${rollbackDeployment.id} created for ${knownGood.sha.slice(0, 7)}.`);
  await ctx.status(rollbackDeployment, 'in_progress', `Rolling back to ${knownGoodRef(knownGood)}`);

  const lock = await acquireEnvironment(
    api,
    config.environment,
    rollbackDeployment,
    [bad.id],
    ctx.deps.runUrl,
  );
  if (!lock.acquired && !config.force) {
    result.outcome = 'refused';
    result.message = `Deployment #${lock.holder.id} of '${config.environment}' is in progress: refusing to roll back at the same time (set force to override).`;
    await ctx.status(rollbackDeployment, 'error', refusedDescription(lock.holder.id));
    ctx.note(result.message);
    return;
  }
  if (!lock.acquired)
    ctx.note(`Deployment #${lock.holder.id} is in progress; proceeding because force is set.`);
  // From here on it is being replaced: it must never count as known-good again (auto_inactive would
  // otherwise turn its success into "inactive after a success").
  if (request.markBad)
    await ctx.status(bad, 'failure', `Rolled back to ${knownGoodRef(knownGood)}: ${request.because}`);

  const target = { bad, knownGood, rollbackDeployment };
  const outcome = await runStrategy(config, ctx.deps, api, target, result);
  if (!outcome.ok) {
    result.outcome = 'error';
    result.message = `Rolling back to ${knownGoodRef(knownGood)} failed: ${outcome.reason}. Not retried: look at the environment by hand.`;
    await ctx.status(rollbackDeployment, 'error', outcome.reason);
    ctx.note(result.message);
    closeDeadline(ctx, request.deadlineStart, undefined);
    return;
  }
  ctx.note(`Rollback carried out: ${outcome.note}.`);

  const health = await verifyHealth(config.health, ctx.deps, {
    subject: `the rollback to ${knownGoodRef(knownGood)}`,
    env: rollbackEnv(config, target),
  });
  result.rollbackHealth = health;
  if (health.verdict !== 'pass') {
    result.outcome = 'error';
    result.message = `Rolled back to ${knownGoodRef(knownGood)}, but health stays bad (${health.reason}). Not rolling back again: look at the environment by hand.`;
    await ctx.status(rollbackDeployment, 'failure', `Health stays bad after rollback: ${health.verdict}`);
    ctx.note(result.message);
    closeDeadline(ctx, request.deadlineStart, undefined);
    return;
  }
  await ctx.status(
    rollbackDeployment,
    'success',
    `Verified: rolled back to ${knownGoodRef(knownGood)}, ${health.reason}`,
  );
  result.rolledBack = true;
  closeDeadline(ctx, request.deadlineStart, health.decidedAt);
  const deadline = result.deadline;
  ctx.note(
    `Rollback to ${knownGoodRef(knownGood)} verified healthy: ${deadlineText(config.deadlineMs, deadline?.elapsedMs)}.`,
  );
}
