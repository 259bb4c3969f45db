/**
 * The security review and peer-suite findings on the retry action, observed through its bundle as
 * the runner runs it (one test per finding).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import { alive, waitForLines } from '../../support/processes';
import { makeTempDir, removeTempDir, writeFiles } from '../../support/temp';
import { runRetryBundle, warnings } from './helpers';

let work: string;
beforeAll(async () => {
  work = await makeTempDir('retry-hardening-');
  await writeFiles(work, {
    'env-probe/action.yml': [
      'name: env probe',
      'inputs:',
      '  probe-input:',
      '    description: an input of its own',
      'runs:',
      '  using: node20',
      '  main: index.js',
      '',
    ].join('\n'),
    'env-probe/index.js': `const names = Object.keys(process.env).filter((n) => n.startsWith('INPUT_')).sort();
console.log('inputs seen: ' + names.join(','));
console.log('runtime token: ' + (process.env.ACTIONS_RUNTIME_TOKEN ? 'present' : 'absent'));
`,
  });
});
afterAll(() => removeTempDir(work));

const RUNTIME = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
  ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache/',
  ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
};

describe.each(bundleNodes())('retry hardening under $label', ({ path: node }) => {
  test("a retried command sees none of the action's inputs (the token) nor the runtime credentials", async () => {
    const probe = [
      "printenv 'INPUT_GITHUB-TOKEN' >/dev/null && echo 'token: LEAKED' || echo 'token: absent'",
      "env | grep -c '^INPUT_' || true",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell defaults, not templates
      'echo "runtime: ${ACTIONS_RUNTIME_TOKEN:-absent} ${ACTIONS_CACHE_URL:-absent} ${ACTIONS_RESULTS_URL:-absent}"',
    ].join('\n');
    const step = await runRetryBundle(
      node,
      {
        run: `${probe}\ntest "$RETRY_ATTEMPT" = 2`,
        'on-retry': probe,
        'github-token': 'ghs_not-for-commands-0123456789',
      },
      { tempDir: work, workspace: work, baseEnv: { PATH: process.env.PATH, ...RUNTIME } },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log).not.toContain('LEAKED');
    expect(step.log.match(/token: absent/g)).toHaveLength(3); // attempt 1, on-retry, attempt 2
    expect(step.log.match(/runtime: absent absent absent/g)).toHaveLength(3);
    expect(step.log).not.toMatch(/^\d*[1-9]\d*$/m); // no INPUT_ variable counted
  });

  test('a retried action sees only its own inputs, and keeps the runtime variables a JavaScript action gets', async () => {
    const step = await runRetryBundle(
      node,
      { uses: './env-probe', with: 'probe-input: x', 'github-token': 'ghs_not-for-actions-0123456789' },
      { tempDir: work, workspace: work, baseEnv: { PATH: process.env.PATH, ...RUNTIME } },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log).toContain('inputs seen: INPUT_PROBE-INPUT\n');
    expect(step.log).toContain('runtime token: present');
  });

  test('NODE_OPTIONS written to $GITHUB_ENV is refused, as the runner refuses it', async () => {
    const step = await runRetryBundle(
      node,
      {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a template
        run: 'echo "NODE_OPTIONS seen: ${NODE_OPTIONS:-none}"\necho "NODE_OPTIONS=--require /tmp/evil.js" >> "$GITHUB_ENV"\necho "KEPT=1" >> "$GITHUB_ENV"\ntest "$RETRY_ATTEMPT" = 2',
        'on-retry': 'echo "NODE_OPTIONS=--require /tmp/evil.js" >> "$GITHUB_ENV"',
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log.match(/NODE_OPTIONS seen: none/g)).toHaveLength(2);
    expect(step.env.NODE_OPTIONS).toBeUndefined();
    expect(step.env.KEPT).toBe('1');
    const messages = warnings(step).map((w) => w.message);
    expect(messages.some((m) => m.includes("Can't store NODE_OPTIONS"))).toBe(true);
  });

  test('a daemon that left the process group dies with its timed-out attempt', async () => {
    const pidFile = path.join(work, 'daemon.pid');
    const step = await runRetryBundle(
      node,
      {
        run: `( setsid bash -c 'sleep 999 & echo $! >> ${pidFile}; wait' & )\nsleep 30`,
        timeout: '1s',
        'kill-grace': '1s',
        'max-attempts': '1',
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(1);
    const [daemon] = await waitForLines(pidFile, 1);
    expect(alive(Number(daemon))).toBe(false);
    await readFile(pidFile, 'utf8');
  });
});

describe.each(bundleNodes())('retry summary and runner features under $label', ({ path: node }) => {
  test('the summary heading cuts the script only after redaction: no prefix of a secret is left', async () => {
    const token = `ghp_${'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0zA1234'}`;
    const step = await runRetryBundle(
      node,
      { run: `echo ${'x'.repeat(60)} ${token} >/dev/null` },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.summary).toContain('### Retry: echo');
    expect(step.summary).not.toContain('ghp_');
  });

  test('a runner without GITHUB_STEP_SUMMARY (older runners, GHES): the step succeeds, with a debug note', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'true' },
      {
        tempDir: work,
        workspace: work,
        fileCommands: ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE'],
      },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs.outcome).toBe('success');
    expect(step.log).toContain('No job summary written');
  });
});

describe.each(bundleNodes())('retry output under $label', ({ path: node }) => {
  test("output without a final line break: the attempt's group still closes on a line of its own", async () => {
    const step = await runRetryBundle(
      node,
      { run: "printf 'no newline at the end'" },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log).toMatch(/no newline at the end\n/);
    expect(step.log).not.toMatch(/no newline at the end\S/);
  });

  test('an unterminated stderr tail is printed within its own attempt, not after the step', async () => {
    const step = await runRetryBundle(
      node,
      { run: `printf 'stderr tail of %s' "$RETRY_ATTEMPT" >&2\ntest "$RETRY_ATTEMPT" = 2` },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    const first = step.log.indexOf('stderr tail of 1');
    const second = step.log.indexOf('Attempt 2 of 3');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(second);
  });

  test("a failed attempt's ::set-output does not reach the step's outputs; the successful attempt's does", async () => {
    const step = await runRetryBundle(
      node,
      {
        run: [
          'echo "::set-output name=from-attempt-$RETRY_ATTEMPT::value $RETRY_ATTEMPT"',
          'echo "  ::SET-OUTPUT name=shared::from $RETRY_ATTEMPT"',
          'test "$RETRY_ATTEMPT" = 2',
        ].join('\n'),
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs['from-attempt-1']).toBeUndefined();
    expect(step.outputs['from-attempt-2']).toBe('value 2');
    expect(step.outputs.shared).toBe('from 2');
    expect(step.log).not.toContain('::set-output');
  });
});

describe.each(bundleNodes())('retry features the peer suites have, under $label', ({ path: node }) => {
  test('new-command-on-retry replaces the command from the second attempt on', async () => {
    const step = await runRetryBundle(
      node,
      {
        run: 'echo "first command"; exit 1',
        'new-command-on-retry': 'echo "careful command $RETRY_ATTEMPT"',
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log).toContain('first command');
    expect(step.log).toContain('careful command 2');
    expect(step.outputs.attempts).toBe('2');
  });

  test('warning-on-retry: false logs failed attempts without annotations', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'test "$RETRY_ATTEMPT" = 3', 'warning-on-retry': 'false' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(warnings(step)).toEqual([]);
    expect(step.log).toContain('Attempt 1 of 3 failed: exit code 1');
  });

  test("a final failure keeps the last attempt's outputs and says its last error line in exit-error", async () => {
    const step = await runRetryBundle(
      node,
      {
        run: 'echo "tried=$RETRY_ATTEMPT" >> "$GITHUB_OUTPUT"\necho "noise" >&2\nprintf "\\033[31mfatal: registry said no (attempt %s)\\033[0m\\n\\n" "$RETRY_ATTEMPT" >&2\nexit 3',
        'max-attempts': '2',
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(1);
    expect(step.outputs.tried).toBe('2');
    expect(step.outputs['exit-error']).toBe('fatal: registry said no (attempt 2)');
    expect(step.outputs.reason).toBe('exit code 3');
  });

  test('one attempt only: the verdict says so instead of "all 1 attempts failed"', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'exit 4', 'max-attempts': '1' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(1);
    expect(step.log).not.toContain('all 1 attempts');
    expect(JSON.parse(step.outputs.report ?? '{}')['final-because']).toBe(
      'its only attempt failed (max-attempts is 1)',
    );
  });
});

describe.each(bundleNodes())('costly patterns under $label', ({ path: node }) => {
  test('a pattern that would take seconds per line is refused before anything runs, naming the input', async () => {
    const started = Date.now();
    const step = await runRetryBundle(
      node,
      { run: 'echo should-not-run', 'retry-on-output': '(\\w+\\s*){1000}[^\\w\\s]', timeout: '2s' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(1);
    expect(step.log).not.toContain('should-not-run');
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /Input 'retry-on-output'.*too costly/s,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
