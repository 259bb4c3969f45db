/**
 * Python security reports: Bandit JSON (`results`, severity HIGH/MEDIUM/LOW), pip-audit JSON (one
 * finding per vulnerability of each dependency; no severity, so `unknown`), Safety JSON v2
 * (`vulnerabilities`; CVSS v3 base severity, else CVSS v2 score bands) and v3 (`scan_results`).
 */
import { FindingsBuilder, levelFor, severityFrom } from '../findings';
import type { Finding, Severity } from '../model';
import { isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

export function parseBandit(doc: Json, context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  for (const result of list(doc.results)) {
    const severity = severityFrom(result.issue_severity);
    const found: Finding = {
      tool: 'bandit',
      ruleId: [str(result.test_id), str(result.test_name)].filter(Boolean).join(' ') || 'bandit',
      message: str(result.issue_text) ?? '',
      severity,
      level: levelFor(severity),
      suppressed: false,
    };
    const path = str(result.filename);
    if (path) found.path = path.replace(/\\/g, '/').replace(/^\.\//, '');
    const line = num(result.line_number);
    if (line !== undefined) found.line = line;
    findings.add(found);
  }
  const errors = list(doc.errors).length;
  if (errors > 0) context.warnings.push(`bandit reports ${errors} files it could not scan`);
  return { format: 'bandit', findings: findings.finish(context.warnings) };
}

export function parsePipAudit(doc: Json | unknown[], context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  const dependencies = Array.isArray(doc) ? list(doc) : list(doc.dependencies);
  for (const dependency of dependencies) {
    for (const vuln of list(dependency.vulns)) {
      const fixes = Array.isArray(vuln.fix_versions) ? vuln.fix_versions.map(String) : [];
      const found: Finding = {
        tool: 'pip-audit',
        ruleId: str(vuln.id) ?? 'vulnerability',
        message: str(vuln.description) ?? str(vuln.id) ?? '',
        severity: 'unknown',
        level: levelFor('unknown'),
        suppressed: false,
        package: { name: str(dependency.name) ?? 'unknown' },
      };
      const version = str(dependency.version);
      if (version) found.package!.version = version;
      if (fixes.length > 0) found.package!.fixedIn = fixes;
      findings.add(found);
    }
  }
  return { format: 'pip-audit', findings: findings.finish(context.warnings) };
}

export function parseSafety(doc: Json, context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  if (isRecord(doc.scan_results)) {
    for (const project of list(doc.scan_results.projects)) {
      for (const file of list(project.files)) {
        const results = isRecord(file.results) ? file.results : {};
        for (const dependency of list(results.dependencies)) {
          for (const spec of list(dependency.specifications)) {
            const vulnerabilities = isRecord(spec.vulnerabilities) ? spec.vulnerabilities : {};
            for (const vuln of list(vulnerabilities.known_vulnerabilities)) {
              const found = safetyFinding(str(vuln.id), str(dependency.name), str(spec.raw), undefined);
              found.suppressed = isRecord(vuln.ignored) || vuln.ignored === true;
              const location = str(file.location);
              if (location) found.path = location.replace(/\\/g, '/');
              findings.add(found);
            }
          }
        }
      }
    }
  } else {
    for (const vuln of list(doc.vulnerabilities)) {
      const found = safetyFinding(
        str(vuln.vulnerability_id),
        str(vuln.package_name),
        str(vuln.analyzed_version),
        vuln,
      );
      found.suppressed = vuln.ignored === true;
      findings.add(found);
    }
  }
  return { format: 'safety', findings: findings.finish(context.warnings) };
}

function safetyFinding(
  id: string | undefined,
  name: string | undefined,
  version: string | undefined,
  vuln?: Json,
): Finding {
  const severity = vuln ? safetySeverity(vuln.severity) : 'unknown';
  const found: Finding = {
    tool: 'safety',
    ruleId: id ?? 'vulnerability',
    message: str(vuln?.advisory) ?? `vulnerability ${id ?? ''} in ${name ?? 'a package'}`.trim(),
    severity,
    level: levelFor(severity),
    suppressed: false,
    package: { name: name ?? 'unknown' },
  };
  if (version) found.package!.version = version;
  const fixed = Array.isArray(vuln?.fixed_versions) ? vuln.fixed_versions.map(String) : [];
  if (fixed.length > 0) found.package!.fixedIn = fixed;
  return found;
}

/** CVSS v3 base severity, else the CVSS v2 base score in v2's bands (≥7 high, ≥4 medium, else low). */
function safetySeverity(severity: unknown): Severity {
  if (!isRecord(severity)) return 'unknown';
  const v3 = isRecord(severity.cvssv3) ? severity.cvssv3 : undefined;
  if (v3 && str(v3.base_severity)) return severityFrom(v3.base_severity);
  const v2 = isRecord(severity.cvssv2) ? num(severity.cvssv2.base_score) : undefined;
  if (v2 === undefined) return 'unknown';
  return v2 >= 7 ? 'high' : v2 >= 4 ? 'medium' : 'low';
}
