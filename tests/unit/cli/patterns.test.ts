// `qeml patterns`: the catalogue as a table, as ripgrep patterns and as JSON, with user patterns.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern } from '@qeml/action-kit';
import { runCli } from '@qeml/cli';
import { builtinCatalogue, type Signature } from '@qeml/diagnosis';
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

    test('prints one pattern per line, one line per signature, none mentioning a newline', async () => {
      const lines = await exported();
      expect(lines).toHaveLength(builtin.length);
      expect(lines.filter((l) => l.includes('\\n'))).toEqual([]);
    });

    test('in a syntax ripgrep shares with RE2 (no lookaround or backreferences), case flags inline', async () => {
      const lines = await exported();
      for (const line of lines) expect(() => compileUserPattern(line)).not.toThrow();
      builtin.forEach((signature, i) => {
        expect(lines[i]!.startsWith('(?i)')).toBe(signature.ignoreCase === true);
      });
    });

    test("each still finds its signature's example lines", async () => {
      const lines = await exported();
      builtin.forEach((signature: Signature, i) => {
        const matcher = compileUserPattern(lines[i]!);
        for (const example of signature.examples)
          expect([signature.id, matcher.test(example.split('\n')[0]!)]).toEqual([signature.id, true]);
      });
    });
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
      expect(rg.out).toContain('artifactory\\.acme\\.dev.{0,200}Connection reset\n');
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
