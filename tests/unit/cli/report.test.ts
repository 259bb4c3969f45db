// `qeml report`: the table, the stable JSON contract, and exit code 1 when a file fails (others still printed).
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { captureIO } from '../../support/cli';
import { FIXTURES } from '../reports/helpers';

async function report(argv: string[]) {
  const io = captureIO(FIXTURES);
  const code = await runCli(['report', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe('qeml report', () => {
  test('text: one line per file with its recounted totals, warnings after', async () => {
    const { code, out, err } = await report([
      'cobertura/stated-disagrees.xml',
      'security/semgrep.json',
      'junit/jest-junit.xml',
    ]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n').slice(0, 4)).toEqual([
      'FILE                            FORMAT     SUMMARY',
      'cobertura/stated-disagrees.xml  cobertura  lines 50 % (1/2); 1 files',
      'security/semgrep.json           semgrep    4 findings (1 suppressed): high 1, medium 1, low 1',
      'junit/jest-junit.xml            junit      4 tests: 1 failed, 0 errors, 1 skipped',
    ]);
    expect(out).toContain(
      'cobertura/stated-disagrees.xml: warning: states lines 19/20 but its detail gives 1/2',
    );
  });

  test('json: the contract; a missing file is an error entry, the exit code 1, the others still there', async () => {
    const { code, out, err } = await report(['go/count.out', 'nope.xml', '--format', 'json']);
    expect(code).toBe(1);
    expect(err).toBe('qeml report: nope.xml does not exist\n');
    const contract = JSON.parse(out);
    expect(contract.reports.map((r: { file: string; format: string | null }) => [r.file, r.format])).toEqual([
      ['go/count.out', 'go-cover'],
      ['nope.xml', null],
    ]);
    expect(contract.reports[0].coverage).toEqual({
      lines: { covered: 3, total: 5 },
      branches: { covered: 0, total: 0 },
    });
    expect(contract.reports[1].error).toBe('nope.xml does not exist');
  });

  test('--custom-benchmarks sets the direction github-action-benchmark custom JSON does not carry', async () => {
    const { out } = await report([
      'benchmarks/custom-smaller.json',
      '--custom-benchmarks',
      'bigger',
      '--format',
      'json',
    ]);
    expect(
      JSON.parse(out).reports[0].benchmarks.map((b: { biggerIsBetter: boolean }) => b.biggerIsBetter),
    ).toEqual([true, true]);
  });

  test('usage mistakes exit 2', async () => {
    expect((await report([])).code).toBe(2);
    expect((await report(['a.xml', '--format', 'yaml'])).code).toBe(2);
  });
});
