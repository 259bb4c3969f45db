/**
 * One log's analysis, pushed through in chunks: the scanner finds candidate lines, the catalogue
 * names them, the locator ranks them, the classifier judges the log. Pure: bytes in, a LogAnalysis
 * out; time, logging and redaction come from `deps`.
 */
import { type Clock, type Logger, Redactor, silentLogger, systemClock } from '@qeml/action-kit';
import { Baseline } from './baseline';
import { classify } from './classifier';
import {
  errorWeight,
  failingExitCode,
  isPropagation,
  LOCATOR_KEYWORDS,
  mayBeError,
  passingExit,
  readsAsPassed,
  stepStart,
} from './line-signals';
import {
  type Candidate,
  DEFAULT_LOCATOR,
  type Located,
  type LocatorOptions,
  type LogStructure,
  locate,
} from './locator';
import {
  type CompiledCatalogue,
  type CompiledSignature,
  compileCatalogue,
  type SignatureMatch,
} from './matcher';
import { LogScanner, type ScanStats } from './scanner';
import { cleanLine, cutAtWord, displayLine } from './text';
import type { Finding, LogAnalysis, Recovery, Signature } from './types';

export interface DiagnosisDeps {
  clock?: Clock;
  logger?: Logger;
  /** Excerpts and titles go through it (default: a fresh Redactor, which knows every token shape). */
  redactor?: Redactor;
}

export interface AnalyzerOptions {
  /** The signatures (builtinCatalogue(), merged with user patterns), or a catalogue compiled once for many logs. */
  catalogue: readonly Signature[] | CompiledCatalogue;
  /** A passing log of the same job (see `readBaseline`). */
  baseline?: Baseline;
  locator?: Partial<LocatorOptions>;
  deps?: DiagnosisDeps;
}

/** Candidates kept at most; older generic ones go first (the reason is rarely early in a huge log). */
const MAX_CANDIDATES = 2000;
const MAX_STEP_STARTS = 10_000;
const MAX_FAILING_EXITS = 100;
const TITLE_CHARS = 160;
const EXCERPT_LINE_CHARS = 400;
/** Lines before an excerpt searched for the start of a private key block. */
const KEY_LOOKBACK = 60;

export interface AnalyzedLog extends LogAnalysis {
  stats: ScanStats & { durationMs: number };
}

export function compileForAnalysis(signatures: readonly Signature[]): CompiledCatalogue {
  return compileCatalogue(signatures, LOCATOR_KEYWORDS);
}

/** The catalogue as given when already compiled, else compiled for analysis. */
function asCompiled(catalogue: readonly Signature[] | CompiledCatalogue): CompiledCatalogue {
  return Array.isArray(catalogue)
    ? compileForAnalysis(catalogue as readonly Signature[])
    : (catalogue as CompiledCatalogue);
}

/** A push analyzer for one log: `write` chunks as they arrive, then `end`. */
export class LogAnalyzer {
  private readonly catalogue: CompiledCatalogue;
  private readonly scanner: LogScanner;
  private readonly locatorOptions: LocatorOptions;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly redactor: Redactor;
  private readonly started: number;
  private candidates: Candidate[] = [];
  private readonly windowed: { candidate: Candidate; signature: CompiledSignature }[] = [];
  private readonly stepStarts: number[] = [];
  private readonly failingExits: { line: number; code: number; text: string }[] = [];
  private readonly propagations: number[] = [];

  constructor(private readonly options: AnalyzerOptions) {
    this.catalogue = asCompiled(options.catalogue);
    this.locatorOptions = { ...DEFAULT_LOCATOR, ...options.locator };
    this.clock = options.deps?.clock ?? systemClock;
    this.logger = options.deps?.logger ?? silentLogger;
    this.redactor = options.deps?.redactor ?? new Redactor();
    this.started = this.clock.now();
    this.scanner = new LogScanner({
      prefilter: this.catalogue.prefilter,
      onCandidate: (line, text) => this.onCandidate(line, text),
    });
  }

  write(chunk: Buffer | string): void {
    this.scanner.write(chunk);
  }

  end(file: string): AnalyzedLog {
    const stats = this.scanner.end();
    for (const { candidate, signature } of this.windowed) {
      const lines: string[] = [];
      for (let n = candidate.line; n < candidate.line + signature.window; n++) {
        lines.push(cleanLine(this.lineText(n) ?? '').text);
      }
      const match = signature.match(lines.join('\n'));
      if (match && !candidate.match) candidate.match = match;
    }
    const structure: LogStructure = {
      lines: stats.lines,
      stepStarts: this.stepStarts,
      failingExits: this.failingExits,
      propagations: this.propagations,
    };
    const located = locate(
      this.candidates.filter((c) => c.match || c.weight > 0),
      structure,
      (line) => isFiller(this.lineText(line)),
      this.locatorOptions,
    );
    const findings = located.map((l) => this.finding(l));
    const recoveries = new Map<string, Recovery>(
      this.catalogue.signatures.map((s) => [s.signature.id, s.signature.recovery]),
    );
    const { verdict, recovery } = classify(findings, recoveries);
    const durationMs = Math.max(0, this.clock.now() - this.started);
    this.logger.debug(
      `${file}: ${stats.lines} lines, ${this.candidates.length} candidates, ${findings.length} findings in ${durationMs} ms`,
    );
    return { file, verdict, recovery, findings, stats: { ...stats, durationMs } };
  }

  private onCandidate(line: number, raw: string) {
    const { text, full, marker } = cleanLine(raw);
    const step = stepStart(full, marker);
    if (step !== undefined) this.noteStep(line);
    const code = failingExitCode(full, marker);
    if (code !== undefined) {
      this.failingExits.push({ line, code, text: cutAtWord(displayLine(raw), TITLE_CHARS) });
      if (this.failingExits.length > MAX_FAILING_EXITS) this.failingExits.shift();
      return { before: this.locatorOptions.exitWindow + 20, after: 0 };
    }
    if (passingExit(full)) {
      this.noteStep(line + 1);
      return undefined;
    }
    if (step !== undefined || marker === 'endgroup' || marker === 'debug') return undefined;
    let match: SignatureMatch | undefined;
    let window = 0;
    const windowed: CompiledSignature[] = [];
    const passed = readsAsPassed(text);
    for (const signature of passed ? [] : this.catalogue.candidates(text)) {
      if (signature.window > 1) {
        window = Math.max(window, signature.window);
        windowed.push(signature);
        continue;
      }
      const found = signature.match(text);
      // A benign message (a cache notice, a tool's own retry) is never a reason, whatever else matches it.
      if (found?.signature.category === 'benign') return undefined;
      if (found && (!match || rank(found.signature) > rank(match.signature))) match = found;
    }
    const errorWords = mayBeError(text);
    if (!match && window === 0 && !errorWords && marker !== 'error') return undefined;
    if (errorWords && isPropagation(text)) {
      this.propagations.push(line);
      if (this.propagations.length > MAX_STEP_STARTS) this.propagations.splice(0, MAX_STEP_STARTS / 2);
    }
    let weight = errorWords ? errorWeight(text) : 0;
    if (marker === 'error') weight = Math.max(weight, 4);
    if (!match && weight === 0 && window === 0) return undefined;
    const candidate: Candidate = {
      line,
      text: cutAtWord(text.trim(), TITLE_CHARS),
      weight,
      ...(match ? { match } : {}),
      ...(this.options.baseline?.has(text) ? { inBaseline: true } : {}),
    };
    for (const signature of windowed) this.windowed.push({ candidate, signature });
    this.candidates.push(candidate);
    if (this.candidates.length > MAX_CANDIDATES) this.prune();
    return {
      before: this.locatorOptions.before + 1,
      after: Math.max(this.locatorOptions.maxSpan, window - 1),
    };
  }

  private noteStep(line: number): void {
    this.stepStarts.push(line);
    if (this.stepStarts.length > MAX_STEP_STARTS) this.stepStarts.splice(0, MAX_STEP_STARTS / 2);
  }

  /** Keeps memory flat on huge logs: the older half of the generic candidates goes, then the older half of all. */
  private prune(): void {
    const half = MAX_CANDIDATES / 2;
    let generic = 0;
    this.candidates = this.candidates.filter((c) => c.match !== undefined || ++generic > half);
    if (this.candidates.length > MAX_CANDIDATES) this.candidates = this.candidates.slice(-half);
    const kept = new Set(this.candidates);
    for (let i = this.windowed.length - 1; i >= 0; i--) {
      if (!kept.has(this.windowed[i]!.candidate)) this.windowed.splice(i, 1);
    }
    // Only the lines around what is kept stay retained (context of candidates, exit windows).
    const { before, maxSpan, exitWindow } = this.locatorOptions;
    const spans = [
      ...this.candidates.map((c) => [c.line - before - 1, c.line + maxSpan] as const),
      ...this.failingExits.map((e) => [e.line - exitWindow - 20, e.line] as const),
    ].sort((a, b) => a[0] - b[0]);
    const starts = spans.map((span) => span[0]);
    let reach = Number.NEGATIVE_INFINITY;
    const reachAt = spans.map((span) => (reach = Math.max(reach, span[1])));
    this.scanner.retainOnly((line) => {
      // The last span starting at or before `line` that reaches furthest covers it, if any does.
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle]! <= line) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found !== -1 && reachAt[found]! >= line;
    });
  }

  private lineText(line: number): string | undefined {
    return this.scanner.retained.get(line) ?? this.scanner.tailLines().find((t) => t.number === line)?.text;
  }

  private finding(located: Located): Finding {
    const text = (from: number, to: number) => {
      const lines: string[] = [];
      for (let n = Math.max(1, from); n <= to; n++) lines.push(displayLine(this.lineText(n) ?? ''));
      return lines;
    };
    // Redacted before cut, line by line (a private key spanning lines included), so no cut hides a secret.
    // The lines just before are context only: a key that began there is masked in the excerpt too.
    const before = text(located.start - KEY_LOOKBACK, located.start - 1);
    const excerpt = this.redactor
      .redactLines([...before, ...text(located.start, located.end)], before.length)
      .map((line) => cutAtWord(line, EXCERPT_LINE_CHARS))
      .join('\n');
    const match = located.exitWindow ? undefined : located.focus.match;
    const signature = match?.signature;
    const title = located.exitWindow
      ? `Last output of the failing step (${located.exitWindow.text})`
      : (signature?.title ?? located.focus.text);
    return {
      start: located.start,
      end: located.end,
      category: signature?.category ?? 'generic',
      pattern: signature?.id ?? null,
      title: this.redactor.redact(title),
      transient: signature?.transient ?? false,
      excerpt,
      ...(match?.file ? { file: this.redactor.redact(match.file) } : {}),
      ...(match?.line !== undefined ? { line: match.line } : {}),
      ...(match?.column !== undefined ? { column: match.column } : {}),
      ...(match?.test ? { test: this.redactor.redact(match.test) } : {}),
      focus: located.focus.line,
      score: Math.round(located.score * 100) / 100,
    };
  }
}

/** Errors outrank warnings; among equals, a deterministic signature outranks a transient one (when in doubt, not transient). */
function rank(signature: Signature): number {
  const severity = { error: 3, warning: 2, info: 1 }[signature.severity];
  return severity * 2 + (signature.transient ? 0 : 1);
}

/** Blank lines and Travis timer marks carry nothing worth showing. */
function isFiller(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const text = cleanLine(raw).text.trim();
  return text === '' || /^travis_(?:time|fold):\S*$/.test(text);
}

/** Analyses one log read from a stream (a file, stdin, a captured attempt). */
export async function analyzeLog(
  file: string,
  source: AsyncIterable<Buffer | string>,
  options: AnalyzerOptions,
): Promise<AnalyzedLog> {
  const analyzer = new LogAnalyzer(options);
  for await (const chunk of source) analyzer.write(chunk);
  return analyzer.end(file);
}

/** Reads a passing log of the same job into a Baseline (only the lines the prefilter would look at). */
export async function readBaseline(
  source: AsyncIterable<Buffer | string>,
  catalogue: readonly Signature[] | CompiledCatalogue,
): Promise<Baseline> {
  const compiled = asCompiled(catalogue);
  const baseline = new Baseline();
  const scanner = new LogScanner({
    prefilter: compiled.prefilter,
    onCandidate: (_line, text) => {
      baseline.add(cleanLine(text).text);
      return undefined;
    },
  });
  for await (const chunk of source) scanner.write(chunk);
  scanner.end();
  return baseline;
}
