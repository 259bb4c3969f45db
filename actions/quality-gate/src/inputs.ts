/** The quality gate's inputs: one schema, then thresholds and custom gates checked as a whole. */
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSource,
  isConfigurationError,
  readInputs,
  readInputsCollecting,
} from '@qeml/action-kit';
import {
  type Condition,
  combineConditions,
  defaultConditions,
  type FailOn,
  GateConfigError,
  parseGates,
  resolveThresholds,
  type Thresholds,
} from '@qeml/reports';

export const Input = {
  Coverage: 'coverage',
  Security: 'security',
  Benchmarks: 'benchmarks',
  Tests: 'tests',
  Complexity: 'complexity',
  Thresholds: 'thresholds',
  Gates: 'gates',
  Baseline: 'baseline',
  Comment: 'comment',
  FailOn: 'fail-on',
  SourceRoots: 'source-roots',
  Name: 'name',
  GitHubToken: 'github-token',
} as const;

export const REPORT_KINDS = ['coverage', 'security', 'benchmarks', 'tests', 'complexity'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const gateSchema = defineInputs({
  [Input.Coverage]: { kind: 'globs', default: [] },
  [Input.Security]: { kind: 'globs', default: [] },
  [Input.Benchmarks]: { kind: 'globs', default: [] },
  [Input.Tests]: { kind: 'globs', default: [] },
  [Input.Complexity]: { kind: 'globs', default: [] },
  [Input.Thresholds]: { kind: 'object', default: {} },
  [Input.Gates]: { kind: 'string', default: '' },
  [Input.Baseline]: { kind: 'enum', values: ['cache', 'none'], default: 'cache' },
  [Input.Comment]: { kind: 'boolean', default: false },
  [Input.FailOn]: { kind: 'enum', values: ['required', 'recommended', 'never'], default: 'required' },
  [Input.SourceRoots]: { kind: 'list', default: [] },
  [Input.Name]: { kind: 'string', default: 'quality-gate' },
  [Input.GitHubToken]: { kind: 'string', secret: true },
});

export interface GateConfig {
  /** Globs per kind of report, relative to the workspace. */
  globs: Record<ReportKind, string[]>;
  thresholds: Thresholds;
  conditions: Condition[];
  baseline: 'cache' | 'none';
  comment: boolean;
  failOn: FailOn;
  sourceRoots: string[];
  /** Names the gate in the summary, the PR comment's marker and the baseline's cache key. */
  name: string;
  githubToken?: string;
}

const NAME_FORM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Reads and checks every input; all problems come back together in one ConfigurationError. */
export async function readGateConfig(source: InputSource = envInputSource()): Promise<GateConfig> {
  const { values, problems } = await readInputsCollecting(gateSchema, source);
  // Thresholds, gates and the name are checked even when another input is wrong: one error lists all.
  let thresholds: Thresholds | undefined;
  let custom: Condition[] = [];
  try {
    const given =
      values?.[Input.Thresholds] ??
      (await readInputs({ [Input.Thresholds]: gateSchema[Input.Thresholds] }, source))[Input.Thresholds];
    thresholds = resolveThresholds(given);
  } catch (error) {
    if (error instanceof GateConfigError)
      problems.push(...error.problems.map((p) => `Input '${Input.Thresholds}': ${p}`));
    else if (!isConfigurationError(error)) throw error;
  }
  try {
    custom = parseGates(await parseGatesYaml(source(Input.Gates) ?? ''));
  } catch (error) {
    if (!(error instanceof GateConfigError)) throw error;
    problems.push(...error.problems.map((p) => `Input '${Input.Gates}': ${p}`));
  }
  const name = (source(Input.Name) ?? '').trim() || 'quality-gate';
  if (!NAME_FORM.test(name)) {
    problems.push(
      `Input '${Input.Name}' got ${JSON.stringify(name)}: expected letters, digits, '.', '_' or '-' (at most 64), e.g. backend`,
    );
  }
  if (problems.length > 0 || !values || !thresholds) throw new ConfigurationError(problems);
  return {
    globs: {
      coverage: values[Input.Coverage],
      security: values[Input.Security],
      benchmarks: values[Input.Benchmarks],
      tests: values[Input.Tests],
      complexity: values[Input.Complexity],
    },
    thresholds,
    conditions: combineConditions(defaultConditions(thresholds), custom),
    baseline: values[Input.Baseline],
    comment: values[Input.Comment],
    failOn: values[Input.FailOn],
    sourceRoots: values[Input.SourceRoots],
    name: values[Input.Name],
    githubToken: values[Input.GitHubToken] || undefined,
  };
}

/** `gates` is a YAML list; yaml is loaded only when the input is given. */
async function parseGatesYaml(text: string): Promise<unknown> {
  if (text.trim() === '') return [];
  const { parse } = await import('yaml');
  try {
    return parse(text);
  } catch (error) {
    throw new GateConfigError([`is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
}
