/** The preflight action's inputs: one schema, then the settings parsed from their YAML. */
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSource,
  readInputsCollecting,
} from '@qeml/action-kit';
import { parseChecks, parseMatrix, parseRulesText } from './config';
import type { PreflightConfig } from './preflight';

export const Input = {
  Matrix: 'matrix',
  Rules: 'rules',
  Checks: 'checks',
  RequiredSecrets: 'required-secrets',
  RequiredFiles: 'required-files',
  SkipDuplicate: 'skip-duplicate',
  FullOn: 'full-on',
  Shards: 'shards',
  TestFiles: 'test-files',
  TimingReports: 'timing-reports',
  GitHubToken: 'github-token',
} as const;

export const preflightSchema = defineInputs({
  [Input.Matrix]: { kind: 'string', default: '' },
  [Input.Rules]: { kind: 'string', default: '' },
  [Input.Checks]: { kind: 'string', default: '' },
  [Input.RequiredSecrets]: { kind: 'list', default: [] },
  [Input.RequiredFiles]: { kind: 'list', default: [] },
  [Input.SkipDuplicate]: { kind: 'boolean', default: false },
  [Input.FullOn]: { kind: 'list', default: ['workflow_dispatch', 'schedule'] },
  [Input.Shards]: { kind: 'integer', default: 0, min: 0, max: 256 },
  [Input.TestFiles]: {
    kind: 'globs',
    default: ['**/test_*.py', '**/*_test.py', '**/*.test.ts', '**/*.test.js'],
  },
  [Input.TimingReports]: { kind: 'list', default: [] },
  [Input.GitHubToken]: { kind: 'string', secret: true },
});

export interface PreflightInputs {
  config: PreflightConfig;
  githubToken?: string;
}

/** Reads every input; all problems come back together in one ConfigurationError. */
export async function readPreflightInputs(source: InputSource = envInputSource()): Promise<PreflightInputs> {
  const { values, problems } = await readInputsCollecting(preflightSchema, source);
  const parsed = <T>(name: string, parse: (text: string) => T, example: string): T | undefined => {
    try {
      return parse(source(name) ?? '');
    } catch (error) {
      problems.push(`Input '${name}': ${(error as Error).message} (expected ${example})`);
      return undefined;
    }
  };
  const matrix = parsed(
    Input.Matrix,
    parseMatrix,
    'YAML like "os: [ubuntu-latest]\\npython: [\'3.12\']", with optional include/exclude',
  );
  const rules = parsed(Input.Rules, parseRulesText, 'YAML like "docs: { paths: [\'docs/**\'], run: false }"');
  const checks = parsed(
    Input.Checks,
    parseChecks,
    'YAML like "lockfile: warning\\ndisk-space: { min-gb: 5 }"',
  );
  const fullOn = values?.[Input.FullOn] ?? [];
  if (problems.length > 0 || !values || !rules || !checks) throw new ConfigurationError(problems);
  if (values[Input.Shards] > 0 && values[Input.TestFiles].length === 0) {
    throw new ConfigurationError([
      `Input '${Input.Shards}' needs '${Input.TestFiles}': the globs of the test files to split`,
    ]);
  }
  return {
    config: {
      ...(matrix ? { matrix } : {}),
      rules,
      checks,
      requiredSecrets: values[Input.RequiredSecrets],
      requiredFiles: values[Input.RequiredFiles],
      skipDuplicate: values[Input.SkipDuplicate],
      fullOn,
      shards: values[Input.Shards],
      testFiles: values[Input.TestFiles].map((glob) => (typeof glob === 'string' ? glob : String(glob))),
      timingReports: values[Input.TimingReports],
    },
    githubToken: values[Input.GitHubToken] || undefined,
  };
}
