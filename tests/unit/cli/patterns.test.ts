// `qeml patterns`: the catalogue as a table, as ripgrep patterns and as JSON, with user patterns.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { builtinCatalogue } from '@qeml/diagnosis';
import { captureIO } from '../../support/cli';
import { withTempDir } from '../../support/temp';

const builtin = builtinCatalogue();

async function patterns(argv: string[], cwd = process.cwd()) {
  const io = captureIO(cwd);
  const code = await runCli(['patterns', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

const userFile = `
add:
  - id: artifactory-reset
    category: registry
    title: Our Artifactory dropped the connection
    pattern: 'artifactory\\.acme\\.dev.{0,200}Connection reset'
    keywords: [artifactory]
    transient: true
    recovery: rerun
    severity: error
disable: [segfault]
`;

describe('qeml patterns', () => {
  test('is listed by qeml help', async () => {
    const io = captureIO();
    await runCli(['help'], io);
    expect(io.out()).toMatch(/patterns\s+List the failure catalogue/);
  });

  test('prints a table: one signature per line with its category, transience and recovery, then a count', async () => {
    const { code, out } = await patterns([]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CATEGORY\s+TRANSIENT\s+RECOVERY\s+TITLE$/);
    expect(lines.find((l) => l.startsWith('npm-server-error '))).toMatch(
      /^npm-server-error\s+registry\s+yes\s+rerun\s+The npm registry answered with a server error \(E5xx\)$/,
    );
    expect(lines.find((l) => l.startsWith('tsc-error '))).toMatch(/^tsc-error\s+compile\s+no\s+escalate\s+/);
    const transient = builtin.filter((s) => s.transient).length;
    expect(lines.at(-1)).toBe(`${builtin.length} signatures, ${transient} transient`);
    expect(lines).toHaveLength(builtin.length + 3);
  });

  test('--export json prints the compiled catalogue', async () => {
    const { code, out } = await patterns(['--export', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(builtin);
  });

  describe('--export rg', () => {
    const exported = async () => (await patterns(['--export', 'rg'])).out.split('\n').slice(0, -1);

    test('prints one line per signature: a scoped (?-u:...) group, ASCII only, no newline or group name', async () => {
      const lines = await exported();
      expect(lines).toHaveLength(builtin.length);
      builtin.forEach((signature, i) => {
        const line = lines[i]!;
        expect(line.startsWith(signature.ignoreCase ? '(?i-u:' : '(?-u:')).toBe(true);
        expect(line.endsWith(')')).toBe(true);
        expect(line).toMatch(/^[\x20-\x7e]+$/);
        expect(line).not.toMatch(/\\n|\(\?P?</);
      });
    });

    const rg = spawnSync('rg', ['--version']);
    (rg.status === 0 ? test : test.skip)(
      'ripgrep accepts the file and finds every example line',
      async () => {
        await withTempDir(async (dir) => {
          const examples = builtin.flatMap((s) => s.examples.map((e) => e.split('\n')[0]!));
          await writeFile(join(dir, 'catalogue.rg'), `${(await exported()).join('\n')}\n`);
          await writeFile(join(dir, 'examples.log'), `${examples.join('\n')}\nnothing to see here\n`);
          const counted = spawnSync('rg', ['-c', '-f', 'catalogue.rg', 'examples.log'], {
            cwd: dir,
            encoding: 'utf8',
          });
          expect([counted.status, counted.stderr, counted.stdout]).toEqual([0, '', `${examples.length}\n`]);
        });
      },
    );
  });

  test('--patterns merges a user file: its additions are listed with their file, disabled ones are gone', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'qeml-patterns.yml'), userFile);
      const { code, out } = await patterns(['--patterns', 'qeml-patterns.yml'], dir);
      expect(code).toBe(0);
      expect(out).toMatch(
        /^artifactory-reset\s+registry\s+yes\s+rerun\s+Our Artifactory dropped the connection \(qeml-patterns\.yml\)$/m,
      );
      expect(out).not.toMatch(/^segfault /m);
      const rg = await patterns(['--patterns', 'qeml-patterns.yml', '--export', 'rg'], dir);
      expect(rg.out).toContain('(?-u:artifactory\\.acme\\.dev.{0,}Connection reset)\n');
    });
  });

  test('an invalid patterns file is one error naming the file and the entry, exit 1', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'bad.yml'), userFile.replace('recovery: rerun', 'recovery: pray'));
      const { code, out, err } = await patterns(['--patterns', 'bad.yml'], dir);
      expect([code, out]).toEqual([1, '']);
      expect(err).toBe(
        'qeml patterns: bad.yml: add[0] (artifactory-reset): recovery must be one of rerun, rerun-clean-cache, fallback, quarantine, escalate\n',
      );
    });
  });

  test('a missing or directory patterns file is one error, exit 1', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'patterns.d'));
      const missing = await patterns(['--patterns', 'nope.yml'], dir);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/^qeml patterns: cannot read patterns file nope\.yml: ENOENT/);
      const directory = await patterns(['--patterns', 'patterns.d'], dir);
      expect(directory.err).toBe('qeml patterns: cannot read patterns file patterns.d: is a directory\n');
    });
  });

  test('an unknown export format or a stray argument is a usage error, exit 2', async () => {
    const format = await patterns(['--export', 'xml']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('qeml patterns: --export must be rg or json, not "xml"');
    expect((await patterns(['extra'])).code).toBe(2);
  });
});
