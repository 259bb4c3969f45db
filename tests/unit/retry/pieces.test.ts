/** Small parts of the engine: shells, output scanning, tarball extraction, the report. */
import { spawn } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import {
  buildReport,
  buildSummary,
  LineScanner,
  type OutputVerdict,
  parseRemoteUses,
  processStartTime,
  type RetryResult,
  resolveShell,
  type ShellSpec,
  sendSignal,
  snapshotTree,
  timelineText,
} from '@qeml/retry';
import { attempt, pattern } from './helpers';

describe('shells', () => {
  test('known names resolve to the run-step templates', () => {
    expect((resolveShell('') as ShellSpec).template).toBe('bash --noprofile --norc -eo pipefail {0}');
    expect((resolveShell('sh') as ShellSpec).template).toBe('sh -e {0}');
    expect((resolveShell('pwsh') as ShellSpec).template).toBe(`pwsh -command ". '{0}'"`);
    expect((resolveShell('python') as ShellSpec).extension).toBe('.py');
    expect((resolveShell('perl {0}') as ShellSpec).template).toBe('perl {0}');
  });

  test('unknown names, templates without {0} and Windows-only shells elsewhere are refused', () => {
    expect(resolveShell('zsh', 'linux')).toMatch(/not a known shell/);
    expect(resolveShell('cmd', 'linux')).toMatch(/only available on Windows/);
    expect(typeof resolveShell('cmd', 'win32')).toBe('object');
  });
});

describe('output scanning', () => {
  const scan = (chunks: string[], retry: string[], stop: string[] = []) => {
    const verdict: OutputVerdict = {};
    const scanner = new LineScanner(retry.map(pattern), stop.map(pattern), verdict);
    for (const chunk of chunks) scanner.write(Buffer.from(chunk));
    scanner.end();
    return verdict;
  };

  test('lines split across chunks still match; patterns do not span lines', () => {
    expect(scan(['err: ECONN', 'RESET\n'], ['ECONNRESET']).retryMatch?.source).toBe('ECONNRESET');
    expect(scan(['ECONN\nRESET\n'], ['ECONNRESET']).retryMatch).toBeUndefined();
    expect(scan(['last line without newline FATAL'], [], ['FATAL$']).stopMatch?.source).toBe('FATAL$');
  });

  test('a multi-byte character split across chunks is decoded whole', () => {
    const bytes = Buffer.from('status: ✗ failed\n');
    const verdict: OutputVerdict = {};
    const scanner = new LineScanner([pattern('✗ failed')], [], verdict);
    scanner.write(bytes.subarray(0, 10));
    scanner.write(bytes.subarray(10));
    scanner.end();
    expect(verdict.retryMatch).toBeDefined();
  });
});

describe('remote actions', () => {
  test('owner/repo[/path]@ref is parsed', () => {
    expect(parseRemoteUses('octo/tools/setup/node@v2')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: 'setup/node',
      ref: 'v2',
    });
    expect(parseRemoteUses('octo/tools@main')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: '',
      ref: 'main',
    });
    expect(parseRemoteUses('./local')).toBeUndefined();
  });
});

describe('report', () => {
  const result: RetryResult = {
    outcome: 'success',
    startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
    durationMs: 3500,
    exitCode: 0,
    reason: 'exit code 1',
    finalBecause: '',
    attempts: [
      {
        number: 1,
        startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
        durationMs: 1000,
        exitCode: 1,
        signal: null,
        outcome: 'failure',
        reason: 'exit code 1',
        delayMs: 1500,
        result: attempt(),
      },
      {
        number: 2,
        startedAt: Date.UTC(2026, 0, 1, 12, 0, 2, 500),
        durationMs: 1000,
        exitCode: 0,
        signal: null,
        outcome: 'success',
        reason: '',
        delayMs: null,
        result: attempt({ outcome: 'success' }),
      },
    ],
  };

  test('the report lists every attempt with its timing, exit code, outcome, reason and delay', () => {
    const report = buildReport(result);
    expect(report.attempts[0]).toEqual({
      number: 1,
      'started-at': '2026-01-01T12:00:00.000Z',
      'duration-ms': 1000,
      'exit-code': 1,
      signal: null,
      outcome: 'failure',
      reason: 'exit code 1',
      'delay-ms': 1500,
    });
    expect(report['attempt-count']).toBe(2);
  });

  test('the summary has a timeline table and the verdict', () => {
    const markdown = buildSummary(result, 'npm ci').render();
    expect(markdown).toContain(
      '| Attempt | Started (UTC) | Duration | Exit code | Outcome | Reason | Delay before next |',
    );
    expect(markdown).toContain('| 1 | 12:00:00.000 | 1s | 1 | ❌ failure | exit code 1 | 1.5s |');
    expect(markdown).toContain('Succeeded on attempt 2');
    expect(timelineText(result)).toContain('Succeeded on attempt 2');
  });

  test('secrets in reasons are redacted in the summary', () => {
    const leaky = {
      ...result,
      attempts: [
        { ...result.attempts[0]!, reason: 'output matched ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
      ],
    };
    expect(buildSummary(leaky, 'x').render()).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

describe('process tree', () => {
  const eperm = () => {
    throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
  };

  test('EPERM (a sudo child running as root) falls back to sudo -n kill', () => {
    const ran: string[][] = [];
    sendSignal(4242, 'SIGTERM', {
      kill: eperm,
      sudo: () => '/usr/bin/sudo',
      run: (file, args) => ran.push([file, ...args]),
    });
    expect(ran).toEqual([['/usr/bin/sudo', '-n', 'kill', '-s', 'TERM', '4242']]);
  });

  test('without sudo, or when the process is already gone, nothing else is tried', () => {
    const ran: string[][] = [];
    sendSignal(4242, 'SIGKILL', {
      kill: eperm,
      sudo: () => null,
      run: (file, args) => ran.push([file, ...args]),
    });
    const gone = () => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    };
    sendSignal(4242, 'SIGKILL', {
      kill: gone,
      sudo: () => '/usr/bin/sudo',
      run: (file, args) => ran.push([file, ...args]),
    });
    expect(ran).toEqual([]);
  });

  test('a pid that now belongs to a process started at another time (PID reuse) is not part of the tree', () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    try {
      const pid = child.pid ?? 0;
      const start = processStartTime(pid);
      expect(start).toBeDefined();
      expect([...snapshotTree(pid, new Map(), start).keys()]).toEqual([pid]);
      expect(snapshotTree(pid, new Map(), `${start}0`).size).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
