/**
 * Dependency audits of the Node ecosystem. npm 6 and pnpm (`advisories` with `findings[].paths`):
 * one finding per vulnerable path, as their `metadata.vulnerabilities` counts. npm 7+
 * (`auditReportVersion: 2`): one finding per entry of `vulnerabilities`. Both recounted and
 * compared with `metadata.vulnerabilities`.
 */
import { FindingsBuilder, levelFor, severityFrom } from '../findings';
import type { Finding } from '../model';
import { isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;
const NPM_SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;

export function parseNpmAudit(doc: Json, context: ParseContext): Parsed {
  const findings = new FindingsBuilder(context.limits.maxItems);
  const counted: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  // npm 6 writes a runId; pnpm writes the same shape without one.
  const tool = doc.auditReportVersion === 2 || 'runId' in doc ? 'npm audit' : 'pnpm audit';
  if (doc.auditReportVersion === 2 || (isRecord(doc.vulnerabilities) && !isRecord(doc.advisories))) {
    for (const [name, entry] of Object.entries(isRecord(doc.vulnerabilities) ? doc.vulnerabilities : {})) {
      if (!isRecord(entry)) continue;
      const word = str(entry.severity) ?? 'unknown';
      counted[word] = (counted[word] ?? 0) + 1;
      const via = Array.isArray(entry.via) ? entry.via : [];
      const advisory = via.find(isRecord);
      const ruleId = str(advisory?.url) ?? str(advisory?.source) ?? name;
      const message =
        str(advisory?.title) ?? `vulnerable through ${via.filter((v) => typeof v === 'string').join(', ')}`;
      findings.add(finding(tool, ruleId, message, word, { name, version: str(entry.range) }));
    }
  } else {
    for (const advisory of Object.values(isRecord(doc.advisories) ? doc.advisories : {})) {
      if (!isRecord(advisory)) continue;
      const word = str(advisory.severity) ?? 'unknown';
      const ruleId =
        str(advisory.github_advisory_id) ?? str(advisory.url) ?? String(advisory.id ?? 'advisory');
      const name = str(advisory.module_name) ?? 'unknown';
      const fixedIn = str(advisory.patched_versions);
      for (const found of Array.isArray(advisory.findings) ? advisory.findings : []) {
        if (!isRecord(found)) continue;
        const paths = Array.isArray(found.paths) ? found.paths : [];
        for (const path of paths) {
          counted[word] = (counted[word] ?? 0) + 1;
          const pkg = { name, version: str(found.version), fixedIn: fixedIn ? [fixedIn] : undefined };
          findings.add(
            finding(tool, ruleId, `${str(advisory.title) ?? ruleId} (${String(path)})`, word, pkg),
          );
        }
      }
    }
  }
  compareStated(doc, counted, context);
  return {
    format: tool === 'pnpm audit' ? 'pnpm-audit' : 'npm-audit',
    findings: findings.finish(context.warnings),
  };
}

function finding(
  tool: string,
  ruleId: string,
  message: string,
  word: string,
  pkg: { name: string; version?: string | undefined; fixedIn?: string[] | undefined },
): Finding {
  const severity = word === 'info' ? 'low' : severityFrom(word);
  const found: Finding = { tool, ruleId, message, severity, level: levelFor(severity), suppressed: false };
  found.package = { name: pkg.name };
  if (pkg.version) found.package.version = pkg.version;
  if (pkg.fixedIn) found.package.fixedIn = pkg.fixedIn;
  return found;
}

function compareStated(doc: Json, counted: Record<string, number>, context: ParseContext): void {
  const metadata = isRecord(doc.metadata) ? doc.metadata : {};
  const stated = isRecord(metadata.vulnerabilities) ? metadata.vulnerabilities : undefined;
  if (!stated) return;
  const differing = NPM_SEVERITIES.filter(
    (s) => num(stated[s]) !== undefined && num(stated[s]) !== counted[s],
  );
  if (differing.length > 0) {
    const detail = differing.map((s) => `${s} ${num(stated[s])} vs ${counted[s]}`).join(', ');
    context.warnings.push(
      `metadata.vulnerabilities disagrees with the detail (${detail}): the recount is used`,
    );
  }
}
