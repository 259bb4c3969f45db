import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runLocalAction } from '@qeml/local-runner';
import { fixture, reported, tempDirectory } from './fixture-paths';

const TOKEN = 'ghs_fixtureToken1234567890';

async function runFull(
  extra: Parameters<typeof runLocalAction>[0] extends infer O ? Partial<O> : never = {},
) {
  const workspace = tempDirectory('qeml-ws-');
  const result = await runLocalAction({
    action: fixture('full'),
    token: TOKEN,
    repository: 'octo-org/octo-repo',
    sha: 'abc123',
    ref: 'refs/heads/feature/x',
    actor: 'octocat',
    workspace,
    event: { action: 'opened', number: 7 },
    eventName: 'pull_request',
    env: { STEP_VAR: 'from-step-env' },
    ...extra,
  });
  const main = JSON.parse(result.outputs.seen ?? '{}') as Record<string, unknown>;
  const post = result.log.includes('\npost-env ') ? reported(result.log, 'post-env') : {};
  return { result, workspace, main, post };
}

describe('runLocalAction: inputs and context', () => {
  test('fills defaults from action.yml, including github.token and context expressions', async () => {
    const { main } = await runFull();
    expect(main).toMatchObject({
      INPUT_TOKEN: TOKEN,
      'INPUT_SECRET-TOKEN': TOKEN,
      INPUT_LOG_LEVEL: 'info',
      'INPUT_MAX-RETRIES': '3',
      INPUT_WHERE: 'octo-org/octo-repo@abc123 by octocat on refs/heads/feature/x',
      INPUT_UNKNOWN: 'xy',
      'INPUT_NO-DEFAULT': '',
      INPUT_LEGACY: '',
    });
  });

  test('an unsupported expression in a default becomes empty with a warning', async () => {
    const { result } = await runFull();
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message:
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
        "Input 'unknown': expression '${{ vars.SOMETHING }}' is not supported by local-runner; used ''",
    });
  });

  test('given inputs match case-insensitively; extra and deprecated inputs warn like the runner', async () => {
    const { main, result } = await runFull({
      inputs: { 'LOG LEVEL': 'debug', 'Max-Retries': '5', legacy: 'old', 'not-declared': 'extra' },
    });
    expect(main).toMatchObject({
      INPUT_LOG_LEVEL: 'debug',
      'INPUT_MAX-RETRIES': '5',
      INPUT_LEGACY: 'old',
      'INPUT_NOT-DECLARED': 'extra',
    });
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^Unexpected input\(s\) 'not-declared', valid inputs are \['token'/),
    );
    expect(warnings).toContain("Input 'legacy' has been deprecated with message: use max-retries instead");
  });

  test('sets the GITHUB_* / RUNNER_* context, writes the event and runs in the workspace', async () => {
    const { main, workspace } = await runFull();
    expect(main).toMatchObject({
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_SHA: 'abc123',
      GITHUB_REF: 'refs/heads/feature/x',
      GITHUB_REF_NAME: 'feature/x',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RUN_NUMBER: '1',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
      GITHUB_ACTION_PATH: fixture('full'),
      GITHUB_ACTION: '__local_full',
      GITHUB_ACTOR: 'octocat',
      RUNNER_NAME: 'qeml-local-runner',
      event: { action: 'opened', number: 7 },
      cwd: workspace,
    });
    for (const key of [
      'GITHUB_JOB',
      'GITHUB_WORKFLOW',
      'RUNNER_TEMP',
      'RUNNER_OS',
      'RUNNER_ARCH',
      'GITHUB_EVENT_PATH',
    ]) {
      expect(main[key]).toEqual(expect.any(String));
    }
  });

  test('GHES URLs: GraphQL is derived from the API URL', async () => {
    const { main } = await runFull({ apiUrl: 'http://127.0.0.1:9/api/v3', serverUrl: 'http://127.0.0.1:9' });
    expect(main).toMatchObject({
      GITHUB_API_URL: 'http://127.0.0.1:9/api/v3',
      GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/api/graphql',
    });
  });

  test('the step inherits a minimal env unless baseEnv is given; step env is passed', async () => {
    process.env.QEML_LR_PARENT_ONLY = 'leak';
    try {
      const minimal = await runFull();
      expect(minimal.main.parentOnly).toBeUndefined();
      expect(minimal.main.STEP_VAR).toBe('from-step-env');
      const inherited = await runFull({ baseEnv: process.env, phases: ['main'] });
      expect(inherited.main.parentOnly).toBe('leak');
    } finally {
      delete process.env.QEML_LR_PARENT_ONLY;
    }
  });
});

describe('runLocalAction: phases and file commands', () => {
  test('runs pre, main and post; post reads state; env and path carry to later phases', async () => {
    const { result, post, main } = await runFull();
    expect(result.outcome).toBe('success');
    expect(result.exitCode).toBe(0);
    expect(result.phases.map((phase) => [phase.name, phase.outcome])).toEqual([
      ['pre', 'success'],
      ['main', 'success'],
      ['post', 'success'],
    ]);
    expect(main).toMatchObject({ STATE_from_pre: 'pre-value', FROM_PRE: 'yes' });
    expect(post).toMatchObject({
      pid: '4242',
      fromPre: 'pre-value',
      carried: 'from-main',
      multi: 'a\nb',
      pathHead: ['/opt/fixture-second', '/opt/fixture-first'],
    });
    expect(result.state).toEqual({ from_pre: 'pre-value', pid: '4242' });
    expect(result.env).toEqual({ FROM_PRE: 'yes', CARRIED: 'from-main', MULTI: 'a\nb' });
    expect(result.path).toEqual(['/opt/fixture-second', '/opt/fixture-first']);
  });

  test('outputs come from main, single-line and heredoc; the summary joins all phases', async () => {
    const { result } = await runFull();
    expect(result.outputs).toMatchObject({ greeting: 'hello world', notes: 'line one\nline=two' });
    expect(result.summary).toBe('## Main summary\n\npost summary\n');
  });

  test('file-command files are fresh per phase and removed afterwards', async () => {
    const tempDir = tempDirectory();
    const { post } = await runFull({ tempDir });
    expect(String(post.outputFile)).toContain(tempDir);
    expect(existsSync(String(post.outputFile))).toBe(false);
    expect(existsSync(tempDir)).toBe(true); // a caller's tempDir is kept
  });

  test('phases selects which phases run', async () => {
    const result = await runLocalAction({ action: fixture('full'), phases: ['main'], token: TOKEN });
    expect(result.phases.map((phase) => phase.name)).toEqual(['main']);
    expect(reported(result.log, 'main-env').STATE_from_pre).toBeUndefined();
  });

  test('the token is masked in the log', async () => {
    const result = await runLocalAction({ action: fixture('full'), phases: ['main'], token: TOKEN });
    expect(result.masks).toContain(TOKEN);
    expect(result.log).not.toContain(TOKEN);
    expect(reported(result.log, 'main-env').INPUT_TOKEN).toBe('***');
  });

  test('PATH of the child starts with GITHUB_PATH entries, then the inherited PATH', async () => {
    const { post } = await runFull({ baseEnv: { PATH: `/usr/bin${delimiter}/bin` } });
    expect(post.pathHead).toEqual(['/opt/fixture-second', '/opt/fixture-first']);
  });
});
