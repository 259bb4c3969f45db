/**
 * Progressive delivery through user hooks (we never shift traffic ourselves): canary steps call
 * `traffic-command` with `{weight}` and analyse between steps; blue-green checks the preview, runs
 * `switch-command`, and re-checks. Abort = traffic back (weight 0 / switch back), the deployment
 * marked failed, and a rollback verified.
 */
import type { RunContext } from './context';
import type { ListedDeployment } from './deployments';
import { verifyHealth } from './health';
import { deadlineText, rollBack } from './rollback-flow';
import type { CommandOutcome, HealthResult } from './types';

/** What a progressive deploy ended with: pass, or a failure already handled (traffic back, rollback). */
export type ProgressiveOutcome = { passed: true; health: HealthResult } | { passed: false };

function hook(
  ctx: RunContext,
  label: string,
  script: string,
  env: Record<string, string>,
): Promise<CommandOutcome> {
  return ctx.deps.commands({ label, script, env, timeoutMs: ctx.config.commandTimeoutMs });
}

/** A rollback strategy is configured beyond moving traffic back. */
function hasStrategy(ctx: RunContext): boolean {
  const { config } = ctx;
  if (config.strategy === 'command') return config.rollbackCommand !== undefined;
  if (config.strategy === 'dispatch') return config.deployWorkflow !== undefined;
  return true;
}

/**
 * After traffic went back: the deployment is marked failed, then either the full rollback (when a
 * strategy is configured) or a verification that the previous release serves healthy again.
 */
async function abort(
  ctx: RunContext,
  deployment: ListedDeployment,
  because: string,
  deadlineStart: number,
  restored: CommandOutcome,
): Promise<void> {
  const { result, config } = ctx;
  await ctx.status(deployment, 'failure', `Aborted: ${because}`);
  if (!restored.ok) {
    result.outcome = 'error';
    result.message = `Deployment #${deployment.id} ${because}, and moving traffic back failed: ${restored.reason}. Look at the environment by hand.`;
    result.deadline = { limitMs: config.deadlineMs, startedAt: deadlineStart, met: false };
    ctx.note(result.message);
    return;
  }
  if (config.autoRollback && hasStrategy(ctx)) {
    await rollBack(ctx, { bad: deployment, because, deadlineStart });
  } else {
    const health = await verifyHealth(config.health, ctx.deps, { subject: 'the previous release' });
    result.rollbackHealth = health;
    const verified = health.verdict === 'pass';
    const elapsedMs = verified ? health.decidedAt - deadlineStart : undefined;
    result.deadline = {
      limitMs: config.deadlineMs,
      startedAt: deadlineStart,
      ...(elapsedMs !== undefined ? { elapsedMs } : {}),
      met: elapsedMs !== undefined && elapsedMs <= config.deadlineMs,
    };
    result.rolledBack = verified;
    if (!verified) result.outcome = 'error';
    ctx.note(
      verified
        ? `Traffic back on the previous release, verified healthy: ${deadlineText(config.deadlineMs, elapsedMs)}.`
        : `Traffic is back on the previous release, but health stays bad (${health.reason}).`,
    );
  }
  if (result.outcome === 'success') result.outcome = 'failure';
  const back = result.rolledBack ? 'rolled back, verified healthy' : 'not rolled back';
  result.message ||= `Deployment #${deployment.id} ${because}; ${back}.`;
  if (result.rolledBack) result.message = `Deployment #${deployment.id} ${because}; ${back}.`;
}

export async function runCanary(
  ctx: RunContext,
  deployment: ListedDeployment,
  env: Record<string, string>,
): Promise<ProgressiveOutcome> {
  const { config, result } = ctx;
  const steps: { weight: number; verdict: HealthResult['verdict'] }[] = [];
  result.canary = { steps };
  const traffic = (weight: number) =>
    hook(ctx, 'traffic-command', (config.trafficCommand ?? '').replaceAll('{weight}', String(weight)), {
      ...env,
      WEIGHT: String(weight),
    });
  let last: HealthResult | undefined;
  for (const [index, weight] of config.canarySteps.entries()) {
    const step = index + 1;
    const shifted = await traffic(weight);
    let because: string | undefined;
    if (!shifted.ok) because = `could not shift ${weight}% of traffic (${shifted.reason})`;
    else {
      ctx.note(
        `Canary step ${step} of ${config.canarySteps.length}: ${weight}% of traffic on the new release.`,
      );
      last = await verifyHealth(config.health, ctx.deps, {
        subject: `canary step ${step} (${weight}%)`,
        env,
      });
      result.health = last;
      steps.push({ weight, verdict: last.verdict });
      if (last.verdict !== 'pass')
        because = `failed canary step ${step} of ${config.canarySteps.length} at ${weight}% (${last.reason})`;
    }
    if (because) {
      result.canary.abortedAtStep = step;
      result.verdict = last?.verdict === 'inconclusive' ? 'inconclusive' : 'fail';
      ctx.note(`Canary aborted at step ${step}: traffic back to 0%.`);
      const restored = await traffic(0);
      await abort(ctx, deployment, because, last?.firstFailureAt ?? ctx.deps.clock.now(), restored);
      return { passed: false };
    }
  }
  return { passed: true, health: last as HealthResult };
}

export async function runBlueGreen(
  ctx: RunContext,
  deployment: ListedDeployment,
  env: Record<string, string>,
): Promise<ProgressiveOutcome> {
  const { config, result } = ctx;
  const state: NonNullable<typeof result.blueGreen> = { switched: false, switchedBack: false };
  result.blueGreen = state;
  const toSwitch = (target: 'new' | 'previous') =>
    hook(ctx, 'switch-command', (config.switchCommand ?? '').replaceAll('{target}', target), {
      ...env,
      SWITCH_TARGET: target,
    });
  if (config.previewUrls.length > 0) {
    const preview = await verifyHealth(config.health, ctx.deps, {
      subject: 'the preview',
      urls: config.previewUrls,
      env,
    });
    state.preview = preview.verdict;
    if (preview.verdict !== 'pass') {
      result.health = preview;
      result.verdict = preview.verdict;
      result.outcome = 'failure';
      result.message = `Deployment #${deployment.id}: the preview check did not pass (${preview.reason}); traffic was not switched.`;
      await ctx.status(deployment, 'failure', 'Preview check failed: not switched');
      ctx.note(result.message);
      return { passed: false };
    }
    ctx.note('Preview healthy: switching traffic to the new release.');
  }
  const switched = await toSwitch('new');
  if (!switched.ok) {
    result.verdict = 'fail';
    result.outcome = 'failure';
    result.message = `switch-command failed (${switched.reason}); traffic stays on the previous release.`;
    await ctx.status(deployment, 'failure', 'switch-command failed');
    ctx.note(result.message);
    return { passed: false };
  }
  state.switched = true;
  const health = await verifyHealth(config.health, ctx.deps, { subject: 'the switched release', env });
  result.health = health;
  if (health.verdict === 'pass') return { passed: true, health };
  result.verdict = health.verdict;
  ctx.note('Post-switch check failed: switching back to the previous release.');
  const restored = await toSwitch('previous');
  state.switchedBack = restored.ok;
  await abort(
    ctx,
    deployment,
    `failed its post-switch check (${health.reason})`,
    health.firstFailureAt ?? ctx.deps.clock.now(),
    restored,
  );
  return { passed: false };
}
