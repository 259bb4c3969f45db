/** SARIF and the security scanners: severities, levels and suppressions as each format defines them. */
import { describe, expect, test } from '@jest/globals';
import { securitySeverityBand } from '@qeml/reports';
import { parseFixture } from './helpers';

describe('SARIF 2.1.0', () => {
  test('levels default through the rule (by index, id, hierarchical id, extension); kind; suppressions; baselineState', async () => {
    const report = await parseFixture('sarif/levels.sarif');
    const items = report.findings?.items ?? [];
    expect(items.map((f) => [f.message, f.level, f.severity, f.suppressed])).toEqual([
      ['SQL built from user input', 'error', 'critical', false],
      ['XSS', 'warning', 'high', false],
      ['weak hash', 'warning', 'medium', false],
      ['command injection', 'note', 'low', false],
      ['log injection', 'error', 'medium', false],
      ['checked', 'none', 'critical', false],
      ['accepted', 'error', 'high', true],
      ['under review', 'warning', 'high', false],
      ['fixed since', 'warning', 'high', true],
    ]);
    expect(items[0]).toMatchObject({
      tool: 'CodeQL',
      ruleId: 'js/sql-injection',
      path: '/home/runner/work/app/app/src/db x.js',
      line: 12,
    });
    expect(items[1]).toMatchObject({ path: 'src/db.js', line: 3 });
    expect(items[2]?.baselineState).toBe('unchanged');
    expect(items[4]?.ruleId).toBe('js/log-injection');
    expect(report.findings).toMatchObject({
      total: 9,
      suppressed: 2,
      bySeverity: { critical: 2, high: 2, medium: 2, low: 1, unknown: 0 },
      byLevel: { error: 2, warning: 3, note: 1, none: 1 },
    });
  });

  test("GitHub's security-severity bands", () => {
    expect([9, 8.9, 7, 6.9, 4, 3.9, 0.1, 0, undefined].map(securitySeverityBand)).toEqual([
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      'unknown',
      'unknown',
    ]);
  });
});

describe('security scanners', () => {
  test('Bandit: issue severity, path and line', async () => {
    const report = await parseFixture('security/bandit.json');
    expect(report.format).toBe('bandit');
    expect(report.findings?.bySeverity).toEqual({ critical: 0, high: 1, medium: 1, low: 1, unknown: 0 });
    expect(report.findings?.items[2]).toMatchObject({
      ruleId: 'B404 blacklist',
      path: 'app/util.py',
      line: 1,
      level: 'note',
    });
  });

  test('pip-audit: one finding per vulnerability, no severity given', async () => {
    const report = await parseFixture('security/pip-audit.json');
    expect(report.format).toBe('pip-audit');
    expect(report.findings?.total).toBe(2);
    expect(report.findings?.bySeverity.unknown).toBe(2);
    expect(report.findings?.items[0]?.package).toEqual({
      name: 'jinja2',
      version: '2.11.2',
      fixedIn: ['2.11.3'],
    });
  });

  test('Safety v2: CVSS v3 severity, else CVSS v2 bands, else unknown; ignored ones suppressed', async () => {
    const report = await parseFixture('security/safety-v2.json');
    expect(report.format).toBe('safety');
    expect(report.findings).toMatchObject({
      total: 3,
      suppressed: 1,
      bySeverity: { critical: 1, high: 0, medium: 1, low: 0, unknown: 0 },
    });
  });

  test('Safety v3 (scan_results): known vulnerabilities per specification, ignored ones suppressed', async () => {
    const report = await parseFixture('security/safety-v3.json');
    expect(report.findings).toMatchObject({ total: 2, suppressed: 1 });
    expect(report.findings?.items[0]).toMatchObject({
      ruleId: '44742',
      path: 'requirements.txt',
      package: { name: 'django', version: 'django==3.2.0' },
    });
  });

  test('npm audit v1: one finding per vulnerable path, as metadata counts them', async () => {
    const report = await parseFixture('security/npm-audit-v1.json');
    expect(report.format).toBe('npm-audit');
    expect(report.findings?.bySeverity).toEqual({ critical: 2, high: 0, medium: 1, low: 0, unknown: 0 });
    expect(report.warnings).toEqual([
      'metadata.vulnerabilities disagrees with the detail (critical 3 vs 2): the recount is used',
    ]);
  });

  test('npm audit v2: one finding per vulnerable package', async () => {
    const report = await parseFixture('security/npm-audit-v2.json');
    expect(report.findings?.bySeverity).toEqual({ critical: 2, high: 0, medium: 1, low: 0, unknown: 0 });
    expect(report.findings?.items[0]).toMatchObject({
      ruleId: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
      level: 'error',
    });
    expect(report.warnings).toEqual([]);
  });

  test('pnpm audit', async () => {
    const report = await parseFixture('security/pnpm-audit.json');
    expect(report.format).toBe('pnpm-audit');
    expect(report.findings?.total).toBe(2);
    expect(report.findings?.bySeverity.high).toBe(2);
    expect(report.warnings).toEqual([
      'metadata.vulnerabilities disagrees with the detail (high 1 vs 2): the recount is used',
    ]);
  });

  test('Trivy: vulnerabilities, failed misconfigurations only, secrets', async () => {
    const report = await parseFixture('security/trivy.json');
    expect(report.format).toBe('trivy');
    expect(report.findings?.bySeverity).toEqual({ critical: 1, high: 1, medium: 1, low: 0, unknown: 1 });
    expect(report.findings?.items[0]?.package).toEqual({
      name: 'minimist',
      version: '1.2.0',
      fixedIn: ['1.2.6', '0.2.4'],
    });
    expect(report.findings?.items[2]).toMatchObject({ ruleId: 'DS002', path: 'Dockerfile', line: 1 });
  });

  test('Semgrep: ERROR/WARNING/INFO as levels, is_ignored suppressed', async () => {
    const report = await parseFixture('security/semgrep.json');
    expect(report.format).toBe('semgrep');
    expect(report.findings).toMatchObject({
      total: 4,
      suppressed: 1,
      byLevel: { error: 1, warning: 1, note: 1, none: 0 },
      bySeverity: { critical: 0, high: 1, medium: 1, low: 1, unknown: 0 },
    });
  });
});
