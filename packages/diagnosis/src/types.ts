/**
 * The vocabulary of the diagnosis engine: catalogue signatures, findings, verdicts and the
 * result model. `LogAnalysis` / `AnalysisReport` are a stable JSON contract (read by the
 * failure-analysis action, `qeml analyze --format json` and others): change them only additively.
 */

/** What kind of problem a signature describes. */
export const CATEGORIES = [
  'runner', // the GitHub runner and hosted infrastructure
  'network',
  'registry', // package registries and artifact hosts
  'github-api',
  'resource', // memory, disk, killed processes
  'timeout',
  'dependency', // dependency resolution
  'compile',
  'test',
  'lint',
  'config', // workflow / tool configuration mistakes
  'benign', // messages that must never be taken as the reason (cache-service notices, ...)
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Whose fault a log's failure is, and so what may be done about it. */
export const VERDICTS = ['transient', 'deterministic', 'flaky', 'resource', 'config', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RECOVERIES = ['rerun', 'rerun-clean-cache', 'fallback', 'quarantine', 'escalate'] as const;
export type Recovery = (typeof RECOVERIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One failure signature of the catalogue, as written in `catalogue/*.yaml` (validated by
 * `catalogue.schema.json`) and as compiled at build time.
 */
export interface Signature {
  /** Unique, kebab-case: `npm-econnreset`. */
  id: string;
  category: Category;
  /** What a person reads: `npm could not reach the registry (ECONNRESET)`. */
  title: string;
  /**
   * A JavaScript regular expression source, matched against one log line with ANSI codes,
   * the GitHub timestamp prefix and `##[error]`-style markers removed. Named groups
   * `file`, `line`, `column` and `test` are extracted when present.
   */
  pattern: string;
  /** Match case-insensitively (default false). */
  ignoreCase?: boolean;
  /**
   * Literal prefilter: every line the pattern can match contains at least one of these
   * (compared lower-cased), so most lines cost one cheap check. At least one.
   */
  keywords: string[];
  /** Real lines (or windows) the pattern must match; checked by the catalogue tests. */
  examples: string[];
  /**
   * A multi-line signature: the pattern is matched against this many lines (the matching line
   * and the ones after it) joined with "\n". Default 1.
   */
  window?: number;
  /** True when a rerun can be expected to pass (the world's fault, not the code's). */
  transient: boolean;
  recovery: Recovery;
  severity: Severity;
  /** Where the message comes from (tool, source file or documentation page), one line. */
  source: string;
  /**
   * `re2`: the pattern came from a user patterns file and must be run with RE2 semantics
   * (`compileUserPattern` of @qeml/action-kit), never with `new RegExp`, so it cannot hang a scan.
   * Absent for built-in patterns, which are checked safe for the JavaScript engine at build time.
   */
  engine?: 're2';
  /** The user patterns file that added or last overrode this signature; absent for built-ins. */
  origin?: string;
}

/** One located reason in a log: a 1-based inclusive line range of the file as given. */
export interface Finding {
  start: number;
  end: number;
  category: Category | 'generic';
  /** The signature id, or null for a generic finding (no catalogue entry matched). */
  pattern: string | null;
  title: string;
  transient: boolean;
  /** The lines start..end (plus a small context window), redacted. */
  excerpt: string;
  /** Extracted from the matching line where the signature names them. */
  file?: string;
  line?: number;
  column?: number;
  test?: string;
  /** The line within start..end the finding is about (the rest is context); not part of the stable contract. */
  focus?: number;
  /** Ranking score (higher is more likely the reason); not part of the stable contract. */
  score?: number;
}

/** The analysis of one log. */
export interface LogAnalysis {
  file: string;
  verdict: Verdict;
  recovery: Recovery;
  /** Best first. */
  findings: Finding[];
}

/** `qeml analyze --format json`. */
export interface AnalysisReport {
  logs: LogAnalysis[];
}
