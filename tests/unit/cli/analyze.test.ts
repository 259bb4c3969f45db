/** `qeml analyze`: the JSON contract, text for a person, and one clear error per unreadable file. */
import { Readable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { captureIO } from '../../support/cli';
import { withTempDir, writeFiles } from '../../support/temp';

const FAILED = [
  '2024-05-02T10:00:00.0000000Z ##[group]Run npm ci',
  '2024-05-02T10:00:00.0000000Z ##[endgroup]',
  '2024-05-02T10:00:01.0000000Z npm ERR! code ECONNRESET',
  '2024-05-02T10:00:01.0000000Z npm ERR! network read ECONNRESET',
  '2024-05-02T10:00:02.0000000Z ##[error]Process completed with exit code 1.',
  '',
].join('\n');

describe('qeml analyze', () => {
  test('--format json: exactly the contract, findings best first, 1-based lines of the file as given', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'job.log': FAILED });
      const io = captureIO(dir);
      expect(await runCli(['analyze', '--format', 'json', 'job.log'], io)).toBe(0);
      const report = JSON.parse(io.out());
      expect(Object.keys(report)).toEqual(['logs']);
      const [log] = report.logs;
      expect(Object.keys(log)).toEqual(['file', 'verdict', 'recovery', 'findings']);
      expect(log).toMatchObject({ file: 'job.log', verdict: 'transient', recovery: 'rerun' });
      const [first] = log.findings;
      for (const key of ['start', 'end', 'category', 'pattern', 'title', 'transient', 'excerpt']) {
        expect(first).toHaveProperty(key);
      }
      expect(first).not.toHaveProperty('score');
      expect(first.start).toBeLessThanOrEqual(3);
      expect(first.end).toBeGreaterThanOrEqual(3);
      expect(first.excerpt).toContain('npm ERR! code ECONNRESET');
      expect(
        log.findings.every(
          (f: { pattern: string | null; category: string }) => f.pattern !== null || f.category === 'generic',
        ),
      ).toBe(true);
    });
  });

  test('text: the verdict and the reason with line numbers, no colour when not a TTY', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'job.log': FAILED });
      const io = captureIO(dir);
      expect(await runCli(['analyze', 'job.log'], io)).toBe(0);
      expect(io.out()).toContain('job.log: transient');
      expect(io.out()).toMatch(/\b3 \| npm ERR! code ECONNRESET/);
      expect(io.out()).not.toContain('\x1b[');
    });
  });

  test('a missing file and a directory: one clear error each, the other log still analysed, exit 1', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'job.log': FAILED, 'folder/x.log': '' });
      const io = captureIO(dir);
      expect(await runCli(['analyze', '--format', 'json', 'missing.log', 'folder', 'job.log'], io)).toBe(1);
      expect(io.err()).toBe(
        'qeml analyze: missing.log: no such file\nqeml analyze: folder: is a directory, expected a log file\n',
      );
      expect(JSON.parse(io.out()).logs.map((l: { file: string }) => l.file)).toEqual(['job.log']);
    });
  });

  test('- reads standard input', async () => {
    const io = { ...captureIO(), stdin: Readable.from([Buffer.from(FAILED)]) };
    expect(await runCli(['analyze', '--format', 'json', '-'], io)).toBe(0);
    expect(JSON.parse(io.out()).logs[0]).toMatchObject({ file: '-', verdict: 'transient' });
  });

  test.each([
    [['analyze'], 'give at least one log file'],
    [['analyze', '--format', 'xml', 'a.log'], '--format got "xml": expected text or json'],
    [['analyze', '--patterns', 'nope.yaml', 'a.log'], 'cannot read patterns file nope.yaml'],
    [['analyze', '--baseline', 'nope.log', 'a.log'], '--baseline nope.log: no such file'],
    [['analyze', '--colour', 'a.log'], "Unknown option '--colour'"],
  ])('usage mistakes exit 2: %j', async (argv, message) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  test('--patterns adds a signature (RE2); an invalid file is a usage error naming it', async () => {
    await withTempDir(async (dir) => {
      const add = (pattern: string) =>
        [
          'add:',
          '  - id: our-flaky-db',
          '    category: network',
          '    title: Our test database dropped the connection',
          `    pattern: '${pattern}'`,
          '    keywords: [testdb]',
          '    transient: true',
          '    recovery: rerun',
          '    severity: error',
          '    source: our own runbook',
        ].join('\n');
      await writeFiles(dir, {
        'job.log': 'setup\nERROR testdb: connection lost during migrate\nexit 1\n',
        'patterns.yaml': add('testdb: connection lost'),
        'bad.yaml': add('testdb: (unclosed'),
      });
      const io = captureIO(dir);
      expect(
        await runCli(['analyze', '--format', 'json', '--patterns', 'patterns.yaml', 'job.log'], io),
      ).toBe(0);
      expect(JSON.parse(io.out()).logs[0].findings[0]).toMatchObject({ pattern: 'our-flaky-db', start: 1 });
      const bad = captureIO(dir);
      expect(await runCli(['analyze', '--patterns', 'bad.yaml', 'job.log'], bad)).toBe(2);
      expect(bad.err()).toContain('bad.yaml');
    });
  });

  test('--baseline: a line the passing log also has no longer comes first', async () => {
    await withTempDir(async (dir) => {
      const noise = 'error: telemetry endpoint unreachable, continuing';
      await writeFiles(dir, {
        'failed.log': `start\nError: config key "port" is missing\n${'step\n'.repeat(30)}${noise}\nend\n`,
        'passed.log': `start\n${noise}\nstep\nend\n`,
      });
      const first = async (argv: string[]) => {
        const io = captureIO(dir);
        await runCli(['analyze', '--format', 'json', ...argv, 'failed.log'], io);
        return JSON.parse(io.out()).logs[0].findings[0].title as string;
      };
      expect(await first([])).toContain('telemetry');
      expect(await first(['--baseline', 'passed.log'])).toContain('config key');
    });
  });
});
