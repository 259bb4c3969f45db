/** The action's inputs: defaults, and every mistake reported together, each naming its input. */
import { describe, expect, test } from '@jest/globals';
import { readPreflightInputs } from '@qeml/preflight';

const from = (inputs: Record<string, string>) => (name: string) => inputs[name];

describe('preflight inputs', () => {
  test('defaults: no matrix, no rules, default severities, full runs on workflow_dispatch and schedule', async () => {
    const { config, githubToken } = await readPreflightInputs(from({}));
    expect(config.matrix).toBeUndefined();
    expect(config.rules).toEqual([]);
    expect(config.fullOn).toEqual(['workflow_dispatch', 'schedule']);
    expect(config.checks.severities.lockfile).toBe('error');
    expect(config.checks.severities['disk-space']).toBe('warning');
    expect(config.shards).toBe(0);
    expect(githubToken).toBeUndefined();
  });

  test('matrix, rules and checks as YAML or JSON', async () => {
    const { config } = await readPreflightInputs(
      from({
        matrix:
          '{"os": ["ubuntu-latest"], "python": ["3.12"], "include": [{"os": "macos-latest", "python": "3.12"}]}',
        rules: 'docs: { paths: ["docs/**"], run: false }',
        checks: 'lockfile: warning',
        'skip-duplicate': 'true',
        shards: '4',
      }),
    );
    expect(config.matrix?.dimensions).toEqual({ os: ['ubuntu-latest'], python: ['3.12'] });
    expect(config.rules).toEqual([
      { name: 'docs', paths: ['docs/**'], run: false, suites: [], matrix: {}, full: false },
    ]);
    expect(config.checks.severities.lockfile).toBe('warning');
    expect(config.skipDuplicate).toBe(true);
    expect(config.shards).toBe(4);
  });

  test('every problem at once, each naming the input', async () => {
    const error = await readPreflightInputs(
      from({
        matrix: 'os: ubuntu-latest',
        rules: 'docs: { paths: [], run: maybe }',
        checks: 'speed: error',
        shards: '-1',
      }),
    ).catch((e: Error) => e);
    const message = (error as Error).message;
    expect(message).toContain("Input 'shards'");
    expect(message).toContain("Input 'matrix': dimension 'os' must be a list of values");
    expect(message).toContain(
      "Input 'rules': group 'docs': 'paths' must be a non-empty list of globs; group 'docs': 'run' must be true or false",
    );
    expect(message).toContain("Input 'checks': unknown check 'speed'");
  });
});
