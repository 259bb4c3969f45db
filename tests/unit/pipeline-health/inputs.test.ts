/** Every input validated before any work: one ConfigurationError naming each bad input. */
import { describe, expect, test } from '@jest/globals';
import { isConfigurationError } from '@qeml/action-kit';
import { readHealthConfig } from '../../../actions/pipeline-health/src/index';

const source = (values: Record<string, string>) => (name: string) => values[name];
const TOKEN = { 'github-token': 'ghs_token_for_inputs_test' };

async function problems(repository: string | undefined, values: Record<string, string>): Promise<string[]> {
  try {
    await readHealthConfig(repository, source(values));
  } catch (error) {
    if (isConfigurationError(error)) return [...error.problems];
    throw error;
  }
  return [];
}

describe('pipeline-health inputs', () => {
  test('defaults: 30 days, SLO 99.5, the default branch, every workflow, no escalation', async () => {
    const { config, token } = await readHealthConfig('octo/ml-lib', source(TOKEN));
    expect(token).toBe(TOKEN['github-token']);
    expect(config).toEqual({
      owner: 'octo',
      repo: 'ml-lib',
      branch: '',
      workflows: [],
      span: { windowMs: 30 * 24 * 3600 * 1000 },
      slo: 99.5,
      failOnSlo: false,
      escalate: 'none',
      reportPaths: [],
    });
  });

  test('runs instead of a window; workflows and report paths as lists', async () => {
    const { config } = await readHealthConfig(
      'o/r',
      source({ ...TOKEN, runs: '50', workflows: 'CI, nightly.yml', 'report-path': 'a.json\nreports/' }),
    );
    expect(config).toMatchObject({
      span: { runs: 50 },
      workflows: ['CI', 'nightly.yml'],
      reportPaths: ['a.json', 'reports/'],
    });
  });

  test('all mistakes together, each naming its input', async () => {
    const found = await problems('not-a-repo', { window: '7d', runs: '10', slo: '120', escalate: 'email' });
    expect(found).toEqual([
      'Input \'slo\' got "120": expected a number from 0 to 100',
      'Input \'escalate\' got "email": expected one of: issue, none',
      'The repository "not-a-repo" is not OWNER/REPO (GITHUB_REPOSITORY or --repo)',
      "Input 'window' and input 'runs' were both given: expected one of them (a time window or the last N runs)",
      "Input 'github-token' is required: a token that can read Actions (and write issues with escalate: issue)",
    ]);
    expect(await problems('o/r', { ...TOKEN, window: '30 days' })).toEqual([
      'Input \'window\' got "30 days": expected a duration of at least a minute and at most 3650d like 30d, 2w, 12h or 90m',
    ]);
  });

  test('windows in days, weeks, hours or minutes', async () => {
    const span = async (window: string) =>
      (await readHealthConfig('o/r', source({ ...TOKEN, window }))).config.span;
    expect(await span('7d')).toEqual({ windowMs: 7 * 86_400_000 });
    expect(await span('2w')).toEqual({ windowMs: 14 * 86_400_000 });
    expect(await span('12h')).toEqual({ windowMs: 12 * 3_600_000 });
    expect(await span('90m')).toEqual({ windowMs: 90 * 60_000 });
    expect(await span('3650d')).toEqual({ windowMs: 3650 * 86_400_000 });
  });

  test('a window longer than ten years is named, not read (no invalid date, no endless weekly table)', async () => {
    for (const window of ['3651d', '999999999d', '99999999999w'])
      expect(await problems('o/r', { ...TOKEN, window })).toEqual([
        `Input 'window' got "${window}": expected a duration of at least a minute and at most 3650d like 30d, 2w, 12h or 90m`,
      ]);
  });
});
