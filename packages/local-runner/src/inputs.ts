import type { RunContext } from './context';
import type { ActionMetadata } from './types';

/** The runner's env name of an input: spaces become `_`, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface ResolvedInputs {
  env: Record<string, string>;
  warnings: string[];
}

/**
 * Merges `with:` values (matched case-insensitively) with the defaults of action.yml, evaluating
 * the expressions a default may hold, and returns the INPUT_* variables plus the runner's warnings.
 */
export function resolveInputs(
  metadata: ActionMetadata,
  given: Record<string, string>,
  context: RunContext,
): ResolvedInputs {
  const warnings: string[] = [];
  const env: Record<string, string> = {};
  const declared = new Map(Object.keys(metadata.inputs).map((name) => [name.toLowerCase(), name]));
  const givenByName = new Map<string, string>();
  const unexpected: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (typeof value !== 'string') throw new Error(`input '${name}' must be a string, got ${typeof value}`);
    const declaredName = declared.get(name.toLowerCase());
    if (declaredName === undefined) unexpected.push(name);
    givenByName.set((declaredName ?? name).toLowerCase(), value);
    env[inputEnvName(name)] = value;
  }
  if (unexpected.length > 0) {
    const valid = Object.keys(metadata.inputs).map((name) => `'${name}'`);
    warnings.push(
      `Unexpected input(s) ${unexpected.map((name) => `'${name}'`).join(', ')}, valid inputs are [${valid.join(', ')}]`,
    );
  }
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const value = givenByName.get(name.toLowerCase());
    if (value !== undefined) {
      if (spec.deprecationMessage) {
        warnings.push(`Input '${name}' has been deprecated with message: ${spec.deprecationMessage}`);
      }
      env[inputEnvName(name)] = value;
      continue;
    }
    env[inputEnvName(name)] = evaluateDefault(spec.default ?? '', context, (expression) =>
      warnings.push(
        `Input '${name}': expression '\${{ ${expression} }}' is not supported by local-runner; used ''`,
      ),
    );
  }
  return { env, warnings };
}

/** Replaces each `${{ expression }}` in a default; only simple context lookups are supported. */
export function evaluateDefault(
  text: string,
  context: RunContext,
  onUnknown: (expression: string) => void,
): string {
  if (!text.includes('${{')) return text;
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, inner: string) => {
    const expression = inner.trim();
    const value = contextValue(expression.toLowerCase(), context);
    if (value === undefined) {
      onUnknown(expression);
      return '';
    }
    return value;
  });
}

function contextValue(expression: string, context: RunContext): string | undefined {
  const values: Record<string, string> = {
    'github.token': context.token,
    'secrets.github_token': context.token,
    'github.repository': context.repository,
    'github.repository_owner': context.repositoryOwner,
    'github.sha': context.sha,
    'github.ref': context.ref,
    'github.ref_name': context.refName,
    'github.event_name': context.eventName,
    'github.workspace': context.workspace,
    'github.server_url': context.serverUrl,
    'github.api_url': context.apiUrl,
    'github.graphql_url': context.graphqlUrl,
    'github.run_id': String(context.runId),
    'github.run_number': String(context.runNumber),
    'github.run_attempt': String(context.runAttempt),
    'github.actor': context.actor,
    'github.job': context.job,
    'github.workflow': context.workflow,
    'runner.temp': context.runnerTemp,
  };
  return Object.hasOwn(values, expression) ? values[expression] : undefined;
}
