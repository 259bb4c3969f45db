/**
 * Gate conditions: `metric op threshold level`. A `required` condition that does not hold fails
 * the gate; a `recommended` one warns. The defaults come from `thresholds` (a mapping a user may
 * change key by key, `off` to drop one); `gates` adds conditions or, under a default's name,
 * replaces it.
 */

export const METRICS = {
  'line-coverage': { label: 'Line coverage', unit: '%' },
  'branch-coverage': { label: 'Branch coverage', unit: '%' },
  'diff-coverage': { label: 'Diff coverage', unit: '%' },
  'coverage-drop': { label: 'Coverage drop vs baseline', unit: ' pts' },
  critical: { label: 'Critical findings', unit: '' },
  high: { label: 'High findings', unit: '' },
  medium: { label: 'Medium findings', unit: '' },
  low: { label: 'Low findings', unit: '' },
  'benchmark-regression': { label: 'Worst benchmark regression', unit: '%' },
  regressions: { label: 'Benchmark regressions', unit: '' },
  'test-failures': { label: 'Test failures', unit: '' },
  'max-complexity': { label: 'Highest complexity (changed functions)', unit: '' },
  'complex-functions': { label: 'Changed functions over the complexity threshold', unit: '' },
} as const;
export type Metric = keyof typeof METRICS;

export const OPERATORS = ['>=', '>', '<=', '<', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];
export const LEVELS = ['required', 'recommended'] as const;
export type GateLevel = (typeof LEVELS)[number];

export interface Condition {
  /** Unique in a gate; a custom gate with a default's name replaces it. */
  name: string;
  metric: Metric;
  op: Operator;
  threshold: number;
  level: GateLevel;
}

export interface Thresholds {
  coverage: number | null;
  'coverage-recommended': number | null;
  'diff-coverage': number | null;
  /** Diff coverage is skipped when the change has fewer measured lines than this. */
  'diff-coverage-min-lines': number;
  'coverage-drop': number | null;
  critical: number | null;
  high: number | null;
  /** Worse by more than this many % (and beyond noise) is a regression. */
  'benchmark-regression': number | null;
  'test-failures': number | null;
  /** Cyclomatic complexity above which a changed function is an offender. */
  complexity: number;
  /** Offenders allowed before the (recommended) complexity condition warns. */
  'complex-functions': number | null;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  coverage: 70,
  'coverage-recommended': 85,
  'diff-coverage': null,
  'diff-coverage-min-lines': 1,
  'coverage-drop': 0.5,
  critical: 0,
  high: 0,
  'benchmark-regression': 20,
  'test-failures': 0,
  complexity: 10,
  'complex-functions': 0,
};

const NEVER_OFF = new Set(['diff-coverage-min-lines', 'complexity']);

/** The user's `thresholds` mapping over the defaults; throws one message per bad key (`key ...`). */
export function resolveThresholds(given: Record<string, unknown>): Thresholds {
  const out: Record<string, number | null> = { ...DEFAULT_THRESHOLDS };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(given)) {
    if (!(key in DEFAULT_THRESHOLDS)) {
      problems.push(
        `${key} is not a threshold: expected one of ${Object.keys(DEFAULT_THRESHOLDS).join(', ')}`,
      );
      continue;
    }
    if ((value === null || value === 'off' || value === false) && !NEVER_OFF.has(key)) {
      out[key] = null;
      continue;
    }
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? Number(value.replace(/%$/, ''))
          : Number.NaN;
    if (!Number.isFinite(number) || number < 0) {
      problems.push(
        `${key} got ${JSON.stringify(value)}: expected a number >= 0${NEVER_OFF.has(key) ? '' : ' or off'}`,
      );
      continue;
    }
    out[key] = number;
  }
  if (problems.length > 0) throw new GateConfigError(problems);
  return out as unknown as Thresholds;
}

/** A mistake in thresholds or gates; each problem names the entry. */
export class GateConfigError extends Error {
  override name = 'GateConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The default conditions the thresholds give. */
export function defaultConditions(t: Thresholds): Condition[] {
  const all: Array<[string, Metric, Operator, number | null, GateLevel]> = [
    ['coverage', 'line-coverage', '>=', t.coverage, 'required'],
    ['coverage-recommended', 'line-coverage', '>=', t['coverage-recommended'], 'recommended'],
    ['diff-coverage', 'diff-coverage', '>=', t['diff-coverage'], 'required'],
    ['coverage-drop', 'coverage-drop', '<=', t['coverage-drop'], 'required'],
    ['critical', 'critical', '<=', t.critical, 'required'],
    ['high', 'high', '<=', t.high, 'required'],
    ['benchmark-regression', 'benchmark-regression', '<=', t['benchmark-regression'], 'required'],
    ['test-failures', 'test-failures', '<=', t['test-failures'], 'required'],
    ['complexity', 'complex-functions', '<=', t['complex-functions'], 'recommended'],
  ];
  return all
    .filter(([, , , threshold]) => threshold !== null)
    .map(([name, metric, op, threshold, level]) => ({
      name,
      metric,
      op,
      threshold: threshold as number,
      level,
    }));
}

const CONDITION_TEXT =
  /^\s*([a-z-]+)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*%?\s*(required|recommended)?\s*$/;

function parseOne(entry: unknown, index: number): Condition | string {
  const where = `gates[${index}]`;
  let fields: { name?: unknown; metric?: unknown; op?: unknown; threshold?: unknown; level?: unknown };
  if (typeof entry === 'string') {
    const match = CONDITION_TEXT.exec(entry);
    if (!match)
      return `${where} got ${JSON.stringify(entry)}: expected "metric op threshold [required|recommended]", e.g. "diff-coverage >= 80 required"`;
    fields = { metric: match[1], op: match[2], threshold: Number(match[3]), level: match[4] };
  } else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    fields = entry as typeof fields;
  } else {
    return `${where} must be a string or a mapping {metric, op, threshold, level, name}`;
  }
  const metric = String(fields.metric ?? '');
  if (!(metric in METRICS))
    return `${where}: metric ${JSON.stringify(fields.metric)} is not one of ${Object.keys(METRICS).join(', ')}`;
  const op = String(fields.op ?? '');
  if (!(OPERATORS as readonly string[]).includes(op))
    return `${where}: op ${JSON.stringify(fields.op)} is not one of ${OPERATORS.join(' ')}`;
  const threshold =
    typeof fields.threshold === 'string' ? Number(fields.threshold.replace(/%$/, '')) : fields.threshold;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold))
    return `${where}: threshold ${JSON.stringify(fields.threshold)} is not a number`;
  const level = fields.level === undefined || fields.level === null ? 'required' : String(fields.level);
  if (!(LEVELS as readonly string[]).includes(level))
    return `${where}: level ${JSON.stringify(fields.level)} is not required or recommended`;
  const name = fields.name === undefined ? `${metric} ${op} ${threshold}` : String(fields.name);
  return { name, metric: metric as Metric, op: op as Operator, threshold, level: level as GateLevel };
}

/** The `gates` list (already parsed from YAML) as conditions; throws one message per bad entry. */
export function parseGates(entries: unknown): Condition[] {
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new GateConfigError(['gates must be a YAML list of conditions']);
  const parsed = entries.map(parseOne);
  const problems = parsed.filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new GateConfigError(problems);
  return parsed as Condition[];
}

/** Defaults with custom gates applied: same name replaces, new names are appended. */
export function combineConditions(defaults: readonly Condition[], custom: readonly Condition[]): Condition[] {
  const out = [...defaults];
  for (const condition of custom) {
    const at = out.findIndex((c) => c.name === condition.name);
    if (at >= 0) out[at] = condition;
    else out.push(condition);
  }
  return out;
}

export function holds(actual: number, op: Operator, threshold: number): boolean {
  switch (op) {
    case '>=':
      return actual >= threshold;
    case '>':
      return actual > threshold;
    case '<=':
      return actual <= threshold;
    case '<':
      return actual < threshold;
    case '==':
      return actual === threshold;
    case '!=':
      return actual !== threshold;
  }
}
