/**
 * How a rollback is carried out: run the user's command, re-dispatch the deploy workflow with the
 * known-good ref as an input, or open a pull request that reverts to the known-good tree.
 */
import type { DeploymentsApi, ListedDeployment } from './deployments';
import type { RollbackConfig, RollbackDeps, RollbackResult } from './types';

export type StrategyOutcome = { ok: true; verify: boolean; note: string } | { ok: false; reason: string };

export interface RollbackTarget {
  bad: ListedDeployment;
  knownGood: ListedDeployment;
  /** The new deployment that records the rollback (none for a revert PR, which deploys nothing yet). */
  rollbackDeployment?: ListedDeployment;
}

/** The ref a person knows the known-good release by (our marker keeps the ref the user named). */
export function knownGoodRef(knownGood: ListedDeployment): string {
  return knownGood.marker?.ref ?? knownGood.ref;
}

/** What a user command sees about the rollback. */
export function rollbackEnv(config: RollbackConfig, target: RollbackTarget): Record<string, string> {
  return {
    KNOWN_GOOD_REF: knownGoodRef(target.knownGood),
    KNOWN_GOOD_SHA: target.knownGood.sha,
    KNOWN_GOOD_DEPLOYMENT_ID: String(target.knownGood.id),
    DEPLOYMENT_ID: String(target.rollbackDeployment?.id ?? ''),
    FAILED_DEPLOYMENT_ID: String(target.bad.id),
    FAILED_SHA: target.bad.sha,
    DEPLOY_ENVIRONMENT: config.environment,
  };
}

/** `{ref}`, `{sha}`, `{deployment-id}` in the deploy workflow's inputs. */
export function dispatchInputs(config: RollbackConfig, target: RollbackTarget): Record<string, string> {
  const given = Object.keys(config.deployInputs).length > 0 ? config.deployInputs : { ref: '{sha}' };
  const values: Record<string, string> = {
    ref: knownGoodRef(target.knownGood),
    sha: target.knownGood.sha,
    'deployment-id': String(target.rollbackDeployment?.id ?? ''),
  };
  return Object.fromEntries(
    Object.entries(given).map(([name, value]) => [
      name,
      value.replace(/\{(ref|sha|deployment-id)\}/g, (_, key: string) => values[key] ?? ''),
    ]),
  );
}

async function defaultBranch(config: RollbackConfig, deps: RollbackDeps): Promise<string> {
  if (config.branch) return config.branch;
  const { data } = await deps.github.rest.repos.get({ owner: config.owner, repo: config.repo });
  return data.default_branch;
}

export async function runStrategy(
  config: RollbackConfig,
  deps: RollbackDeps,
  api: DeploymentsApi,
  target: RollbackTarget,
  result: RollbackResult,
): Promise<StrategyOutcome> {
  const where = { owner: config.owner, repo: config.repo };
  switch (config.strategy) {
    case 'command': {
      const outcome = await deps.commands({
        label: 'rollback-command',
        script: config.rollbackCommand ?? '',
        env: rollbackEnv(config, target),
        timeoutMs: config.commandTimeoutMs,
      });
      return outcome.ok
        ? { ok: true, verify: true, note: 'rollback-command succeeded' }
        : { ok: false, reason: `rollback-command failed: ${outcome.reason}` };
    }
    case 'dispatch': {
      const ref = await defaultBranch(config, deps);
      const inputs = dispatchInputs(config, target);
      const workflow = config.deployWorkflow ?? '';
      await api.write('dispatching the deploy workflow', () =>
        deps.github.rest.actions.createWorkflowDispatch({ ...where, workflow_id: workflow, ref, inputs }),
      );
      result.dispatched = { workflow, ref, inputs };
      return {
        ok: true,
        verify: true,
        note: `dispatched ${workflow} on ${ref} with ${JSON.stringify(inputs)}`,
      };
    }
    case 'revert': {
      const base = await defaultBranch(config, deps);
      const good = await deps.github.rest.git.getCommit({ ...where, commit_sha: target.knownGood.sha });
      const ref = knownGoodRef(target.knownGood);
      // A commit on top of the bad release whose tree is the known-good one: merged, it undoes exactly
      // what changed between the two, and keeps whatever the base gained since.
      const commit = await api.write('creating the revert commit', () =>
        deps.github.rest.git.createCommit({
          ...where,
          message: `Revert ${config.environment} to ${ref} (${target.knownGood.sha.slice(0, 7)})\n\nDeployment #${target.bad.id} (${target.bad.sha.slice(0, 7)}) failed verification; this restores the tree of known-good deployment #${target.knownGood.id}.`,
          tree: good.data.tree.sha,
          parents: [target.bad.sha],
        }),
      );
      const branch = `qeml-rollback/${config.environment}-${target.bad.id}`;
      await api.write('creating the revert branch', () =>
        deps.github.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: commit.data.sha }),
      );
      const pull = await api.write('opening the revert pull request', () =>
        deps.github.rest.pulls.create({
          ...where,
          head: branch,
          base,
          title: `Revert ${config.environment} to ${ref}`,
          body: `Deployment #${target.bad.id} of \`${config.environment}\` (\`${target.bad.sha}\`) failed verification. This pull request restores known-good deployment #${target.knownGood.id} (\`${ref}\`, \`${target.knownGood.sha}\`). Merging it deploys the revert through your usual pipeline.`,
        }),
      );
      result.revertPullRequest = { number: pull.data.number, url: pull.data.html_url };
      return { ok: true, verify: false, note: `opened revert pull request #${pull.data.number}` };
    }
  }
}
