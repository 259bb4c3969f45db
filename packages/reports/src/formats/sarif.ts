/**
 * SARIF 2.1.0. A result's rule is found by `rule.index`/`ruleIndex` in the tool component named by
 * `rule.toolComponent` (driver by default), else by id, else by a hierarchical id's prefix
 * (`a/b` → `a`), else by id in `tool.extensions`. Level: the result's, else `none` when `kind` is
 * set and not `fail`, else the rule's `defaultConfiguration.level`, else `warning`. Severity: the
 * rule's (or result's) `security-severity` in GitHub's bands. Suppressed: an accepted (or
 * status-less) suppression and none under review or rejected, or `baselineState: absent`.
 */
import { ReportInputError } from '../deps';
import { FindingsBuilder, securitySeverityBand } from '../findings';
import type { Finding, Level } from '../model';
import { isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;

const LEVELS = new Set<Level>(['error', 'warning', 'note', 'none']);
const BASELINE_STATES = new Set(['new', 'unchanged', 'updated', 'absent']);

export function parseSarif(doc: Json, context: ParseContext): Parsed {
  if (!Array.isArray(doc.runs)) throw new ReportInputError('is SARIF without a "runs" array');
  if (doc.version !== '2.1.0')
    context.warnings.push(`states SARIF version ${String(doc.version)}; read as 2.1.0`);
  const findings = new FindingsBuilder(context.limits.maxItems);
  for (const run of doc.runs) {
    if (!isRecord(run)) continue;
    const tool = isRecord(run.tool) ? run.tool : {};
    const driver = isRecord(tool.driver) ? tool.driver : {};
    const extensions = Array.isArray(tool.extensions) ? tool.extensions.filter(isRecord) : [];
    const toolName = str(driver.name) ?? 'sarif';
    const artifacts = Array.isArray(run.artifacts) ? run.artifacts : [];
    for (const result of Array.isArray(run.results) ? run.results : []) {
      if (!isRecord(result)) continue;
      findings.add(toFinding(result, toolName, driver, extensions, artifacts));
    }
  }
  return { format: 'sarif', findings: findings.finish(context.warnings) };
}

function toFinding(
  result: Json,
  tool: string,
  driver: Json,
  extensions: Json[],
  artifacts: unknown[],
): Finding {
  const rule = resolveRule(result, driver, extensions);
  const reference = isRecord(result.rule) ? result.rule : {};
  const ruleId = str(result.ruleId) ?? str(reference.id) ?? str(rule?.id) ?? 'unknown';
  const ruleProperties = isRecord(rule?.properties) ? rule.properties : {};
  const resultProperties = isRecord(result.properties) ? result.properties : {};
  const score = num(resultProperties['security-severity'] ?? ruleProperties['security-severity']);
  const baselineState = str(result.baselineState);
  const finding: Finding = {
    tool,
    ruleId,
    message: messageText(result, rule),
    severity: securitySeverityBand(score),
    level: levelOf(result, rule),
    suppressed: isSuppressed(result) || baselineState === 'absent',
  };
  if (baselineState && BASELINE_STATES.has(baselineState)) {
    finding.baselineState = baselineState as NonNullable<Finding['baselineState']>;
  }
  const physical = firstPhysicalLocation(result);
  if (physical) {
    const artifact = isRecord(physical.artifactLocation) ? physical.artifactLocation : {};
    const byIndex = num(artifact.index);
    const indexed =
      byIndex !== undefined && isRecord(artifacts[byIndex])
        ? (artifacts[byIndex] as Json).location
        : undefined;
    const uri = str(artifact.uri) ?? (isRecord(indexed) ? str(indexed.uri) : undefined);
    if (uri) finding.path = uriToPath(uri);
    const region = isRecord(physical.region) ? physical.region : {};
    const line = num(region.startLine);
    if (line !== undefined) finding.line = line;
  }
  return finding;
}

function resolveRule(result: Json, driver: Json, extensions: Json[]): Json | undefined {
  const reference = isRecord(result.rule) ? result.rule : {};
  const componentRef = isRecord(reference.toolComponent) ? reference.toolComponent : undefined;
  let component: Json | undefined = driver;
  if (componentRef) {
    const index = num(componentRef.index);
    const name = str(componentRef.name);
    component =
      (index !== undefined ? extensions[index] : undefined) ??
      (name !== undefined ? extensions.find((e) => e.name === name) : undefined);
  }
  const rules = (c: Json | undefined): Json[] => (Array.isArray(c?.rules) ? (c.rules as Json[]) : []);
  const index = num(reference.index) ?? num(result.ruleIndex);
  if (index !== undefined && isRecord(rules(component)[index])) return rules(component)[index];
  const id = str(reference.id) ?? str(result.ruleId);
  if (id === undefined) return undefined;
  for (const candidate of [component, driver, ...extensions]) {
    const found = rules(candidate).find((rule) => isRecord(rule) && rule.id === id);
    if (found) return found;
  }
  // Hierarchical ids: "CWE-78/api-handler" is an instance of rule "CWE-78".
  for (let prefix = id; prefix.includes('/'); ) {
    prefix = prefix.slice(0, prefix.lastIndexOf('/'));
    const found = rules(component).find((rule) => isRecord(rule) && rule.id === prefix);
    if (found) return found;
  }
  return undefined;
}

function levelOf(result: Json, rule: Json | undefined): Level {
  const own = str(result.level);
  if (own && LEVELS.has(own as Level)) return own as Level;
  const kind = str(result.kind);
  if (kind !== undefined && kind !== 'fail') return 'none';
  const configuration = isRecord(rule?.defaultConfiguration) ? rule.defaultConfiguration : {};
  const ruleLevel = str(configuration.level);
  if (ruleLevel && LEVELS.has(ruleLevel as Level)) return ruleLevel as Level;
  return 'warning';
}

/** SARIF §3.27.23: suppressed when some suppression is accepted (or has no status) and none is under review or rejected. */
function isSuppressed(result: Json): boolean {
  if (!Array.isArray(result.suppressions) || result.suppressions.length === 0) return false;
  const statuses = result.suppressions.map((s) => (isRecord(s) ? str(s.status) : undefined));
  if (statuses.some((status) => status === 'underReview' || status === 'rejected')) return false;
  return statuses.some((status) => status === undefined || status === 'accepted');
}

function messageText(result: Json, rule: Json | undefined): string {
  const message = isRecord(result.message) ? result.message : {};
  const text = str(message.text) ?? str(message.markdown);
  if (text !== undefined) return text;
  const id = str(message.id);
  const strings = isRecord(rule?.messageStrings) ? rule.messageStrings : {};
  const template = id !== undefined && isRecord(strings[id]) ? str((strings[id] as Json).text) : undefined;
  return template ?? '';
}

function firstPhysicalLocation(result: Json): Json | undefined {
  const location = Array.isArray(result.locations) ? result.locations[0] : undefined;
  return isRecord(location) && isRecord(location.physicalLocation) ? location.physicalLocation : undefined;
}

function uriToPath(uri: string): string {
  let path = uri.replace(/^file:\/\//, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded after all: kept as written.
  }
  return path.replace(/\\/g, '/');
}
