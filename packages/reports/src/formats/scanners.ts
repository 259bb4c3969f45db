/**
 * Trivy JSON (`Results[]` with `Vulnerabilities`, failed `Misconfigurations` and `Secrets`) and
 * Semgrep JSON (`results[]`, severity ERROR/WARNING/INFO or the newer CRITICAL..LOW; `is_ignored`
 * results counted as suppressed).
 */
import { FindingsBuilder, levelFor, severityFrom } from '../findings';
import type { Finding, Level } from '../model';
import { isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

export function parseTrivy(doc: Json, context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  const add = (target: string | undefined, ruleId: string, message: string, word: unknown, line?: number) => {
    const severity = severityFrom(word);
    const found: Finding = {
      tool: 'trivy',
      ruleId,
      message,
      severity,
      level: levelFor(severity),
      suppressed: false,
    };
    if (target) found.path = target;
    if (line !== undefined) found.line = line;
    findings.add(found);
    return found;
  };
  for (const result of list(doc.Results)) {
    const target = str(result.Target);
    for (const vuln of list(result.Vulnerabilities)) {
      const id = str(vuln.VulnerabilityID) ?? 'vulnerability';
      const found = add(target, id, str(vuln.Title) ?? id, vuln.Severity);
      found.package = { name: str(vuln.PkgName) ?? 'unknown' };
      const version = str(vuln.InstalledVersion);
      const fixed = str(vuln.FixedVersion);
      if (version) found.package.version = version;
      if (fixed) found.package.fixedIn = fixed.split(/,\s*/);
    }
    for (const misconfiguration of list(result.Misconfigurations)) {
      if (str(misconfiguration.Status) && misconfiguration.Status !== 'FAIL') continue;
      const cause = isRecord(misconfiguration.CauseMetadata) ? misconfiguration.CauseMetadata : {};
      const id = str(misconfiguration.ID) ?? 'misconfiguration';
      add(target, id, str(misconfiguration.Title) ?? id, misconfiguration.Severity, num(cause.StartLine));
    }
    for (const secret of list(result.Secrets)) {
      const id = str(secret.RuleID) ?? 'secret';
      add(target, id, str(secret.Title) ?? id, secret.Severity, num(secret.StartLine));
    }
  }
  return { format: 'trivy', findings: findings.finish(context.warnings) };
}

const SEMGREP_LEVELS: Record<string, Level> = { ERROR: 'error', WARNING: 'warning', INFO: 'note' };

export function parseSemgrep(doc: Json, context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  for (const result of list(doc.results)) {
    const extra = isRecord(result.extra) ? result.extra : {};
    const word = str(extra.severity)?.toUpperCase() ?? 'WARNING';
    const severity = severityFrom(word);
    const found: Finding = {
      tool: 'semgrep',
      ruleId: str(result.check_id) ?? 'semgrep',
      message: str(extra.message) ?? '',
      severity,
      level: SEMGREP_LEVELS[word] ?? levelFor(severity),
      suppressed: extra.is_ignored === true,
    };
    const path = str(result.path);
    if (path) found.path = path.replace(/\\/g, '/');
    const start = isRecord(result.start) ? num(result.start.line) : undefined;
    if (start !== undefined) found.line = start;
    findings.add(found);
  }
  const errors = list(doc.errors).length;
  if (errors > 0) context.warnings.push(`semgrep reports ${errors} errors`);
  return { format: 'semgrep', findings: findings.finish(context.warnings) };
}
