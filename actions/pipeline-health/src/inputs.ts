/** The pipeline-health action's inputs: one schema, then the checks that involve several inputs. */
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSource,
  parseDuration,
  readInputsCollecting,
} from '@qeml/action-kit';
import type { HealthConfig } from './pipeline-health';

export const Input = {
  Workflows: 'workflows',
  Branch: 'branch',
  Window: 'window',
  Runs: 'runs',
  Slo: 'slo',
  FailOnSlo: 'fail-on-slo',
  Escalate: 'escalate',
  GitHubToken: 'github-token',
  ReportPath: 'report-path',
} as const;

export const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;

export const healthSchema = defineInputs({
  [Input.Workflows]: { kind: 'list', default: [] },
  [Input.Branch]: { kind: 'string', default: '' },
  // Days are the usual unit here, which action-kit's durations do not have: parsed by `windowMs`.
  [Input.Window]: { kind: 'string', default: '' },
  [Input.Runs]: { kind: 'integer', min: 1, max: 10_000 },
  [Input.Slo]: { kind: 'number', default: 99.5, min: 0, max: 100 },
  [Input.FailOnSlo]: { kind: 'boolean', default: false },
  [Input.Escalate]: { kind: 'enum', values: ['issue', 'none'] as const, default: 'none' },
  [Input.GitHubToken]: { kind: 'string', secret: true },
  [Input.ReportPath]: { kind: 'list', default: [] },
});

const DAY_MS = 24 * 3600 * 1000;
/** Ten years: far past any run history, and a date (and a weekly table) that stays sane. */
const MAX_WINDOW_MS = 3650 * DAY_MS;

/** `30d`, `2w`, or any action-kit duration (`12h`, `90m`); a minute to ten years. Undefined when it is not one. */
export function windowMs(text: string): number | undefined {
  const days = /^(\d+)\s*([dw])$/.exec(text.trim());
  let ms: number | undefined;
  if (days) ms = Number(days[1]) * DAY_MS * (days[2] === 'w' ? 7 : 1);
  else {
    try {
      ms = parseDuration(text);
    } catch {
      return undefined;
    }
  }
  return ms >= 60_000 && ms <= MAX_WINDOW_MS ? ms : undefined;
}

export interface HealthInputs {
  config: HealthConfig;
  token: string;
}

/**
 * Reads and checks every input; `repository` is the `owner/repo` to report on (GITHUB_REPOSITORY in
 * the action, --repo in the CLI). All problems come back together in one ConfigurationError.
 */
export async function readHealthConfig(
  repository: string | undefined,
  source: InputSource = envInputSource(),
): Promise<HealthInputs> {
  const { values, problems } = await readInputsCollecting(healthSchema, source);
  const [owner, repo, extra] = (repository ?? '').split('/');
  if (!owner || !repo || extra !== undefined)
    problems.push(
      `The repository ${JSON.stringify(repository ?? '')} is not OWNER/REPO (GITHUB_REPOSITORY or --repo)`,
    );
  const given = (name: string) => (source(name) ?? '').trim() !== '';
  if (given(Input.Window) && given(Input.Runs))
    problems.push(
      `Input '${Input.Window}' and input '${Input.Runs}' were both given: expected one of them (a time window or the last N runs)`,
    );
  const window = (source(Input.Window) ?? '').trim();
  const span = window === '' ? DEFAULT_WINDOW_MS : windowMs(window);
  if (span === undefined)
    problems.push(
      `Input '${Input.Window}' got ${JSON.stringify(window)}: expected a duration of at least a minute and at most 3650d like 30d, 2w, 12h or 90m`,
    );
  if (!given(Input.GitHubToken))
    problems.push(
      `Input '${Input.GitHubToken}' is required: a token that can read Actions (and write issues with escalate: issue)`,
    );
  if (problems.length > 0 || !values) throw new ConfigurationError(problems);
  const runs = values[Input.Runs];
  return {
    token: values[Input.GitHubToken] as string,
    config: {
      owner: owner as string,
      repo: repo as string,
      branch: values[Input.Branch],
      workflows: values[Input.Workflows],
      span: runs !== undefined ? { runs } : { windowMs: span as number },
      slo: values[Input.Slo],
      failOnSlo: values[Input.FailOnSlo],
      escalate: values[Input.Escalate],
      reportPaths: values[Input.ReportPath],
    },
  };
}
