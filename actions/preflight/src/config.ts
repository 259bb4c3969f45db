/** The YAML/JSON settings (matrix, rules, checks) read into the engine's config; shared by inputs.ts and the CLI. */
import { parse as parseYaml } from 'yaml';
import { CHECK_IDS, type CheckId, DEFAULT_SEVERITY, SEVERITIES, type Severity } from './checks/model';
import { type MatrixSpec, matrixSpec } from './matrix';
import type { CheckSettings } from './preflight';
import { parseRules, type RuleGroup } from './rules';

const GiB = 1024 ** 3;

/** YAML (JSON is YAML) text to a value; throws with the parser's first line. */
function parseText(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new Error(`not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A matrix as in a workflow (`os: [...]`, `include`, `exclude`), or a `{ matrix: ... }` wrapper. */
export function parseMatrix(text: string): MatrixSpec | undefined {
  if (text.trim() === '') return undefined;
  let value = parseText(text) as Record<string, unknown> | null;
  if (value && typeof value === 'object' && 'matrix' in value && Object.keys(value).length === 1)
    value = value.matrix as Record<string, unknown>;
  return matrixSpec(value);
}

export function parseRulesText(text: string): RuleGroup[] {
  if (text.trim() === '') return [];
  const { groups, problems } = parseRules(parseText(text));
  if (problems.length > 0) throw new Error(problems.join('; '));
  return groups;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  severities: { ...DEFAULT_SEVERITY },
  minApiRequests: 100,
  minFreeBytes: GiB,
  tools: ['git'],
};

/**
 * `checks`: a map of check id to a severity (error, warning, off) or to { severity, ...options }
 * (api-budget: min; disk-space: min-gb; tools: require). Unnamed checks keep their defaults.
 */
export function parseChecks(text: string): CheckSettings {
  const settings: CheckSettings = {
    ...DEFAULT_CHECK_SETTINGS,
    severities: { ...DEFAULT_CHECK_SETTINGS.severities },
  };
  if (text.trim() === '') return settings;
  const value = parseText(text);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`expected a mapping of check ids (${CHECK_IDS.join(', ')}) to a severity`);
  const problems: string[] = [];
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!CHECK_IDS.includes(id as CheckId)) {
      problems.push(`unknown check '${id}' (known: ${CHECK_IDS.join(', ')})`);
      continue;
    }
    const spec =
      typeof raw === 'string' || typeof raw === 'boolean'
        ? { severity: raw }
        : ((raw as Record<string, unknown> | null) ?? {});
    const severity = spec.severity === false ? 'off' : spec.severity;
    if (severity !== undefined) {
      if (!SEVERITIES.includes(severity as Severity))
        problems.push(
          `check '${id}': severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`,
        );
      else settings.severities[id as CheckId] = severity as Severity;
    }
    const number = (key: string) => {
      const n = Number(spec[key]);
      if (!Number.isFinite(n) || n < 0) problems.push(`check '${id}': '${key}' must be a number ≥ 0`);
      return n;
    };
    if (id === 'api-budget' && spec.min !== undefined) settings.minApiRequests = number('min');
    if (id === 'disk-space' && spec['min-gb'] !== undefined) settings.minFreeBytes = number('min-gb') * GiB;
    if (id === 'tools' && spec.require !== undefined) {
      if (!Array.isArray(spec.require)) problems.push(`check 'tools': 'require' must be a list of commands`);
      else settings.tools = spec.require.map(String);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return settings;
}
