/**
 * The locator: from the candidate lines of one log, the findings a person should read first. The
 * reason a build failed is usually inside the step that failed and close to its exit line; lines of
 * steps that passed, of post steps after the failure, warnings, and lines the passing baseline also
 * has are ranked down. A window before the failing step's exit line is always offered, so a log that
 * no pattern and no error word describes still points at the right place.
 */
import { normalizeLine } from './baseline';
import type { SignatureMatch } from './matcher';

export interface Candidate {
  line: number;
  /** Cleaned text (for titles and the baseline), cut to a readable length. */
  text: string;
  /** The best catalogue match on this line, if any. */
  match?: SignatureMatch;
  /** The generic error weight of the line (0..5). */
  weight: number;
  /** The baseline (passing log) has this line. */
  inBaseline?: boolean;
}

export interface LogStructure {
  lines: number;
  /** Lines that start a step, ascending. */
  stepStarts: readonly number[];
  /** Exit lines of failing steps, ascending. */
  failingExits: readonly { line: number; code: number; text: string }[];
  /** Lines that only pass a failure on (`make: *** … Error 1`, npm's closing cascade), ascending. */
  propagations: readonly number[];
}

/** A ranked range before the context window is added. */
export interface Located {
  start: number;
  end: number;
  score: number;
  /** The line the range is about (its best candidate). */
  focus: Candidate;
  /** True for the window before a failing exit line. */
  exitWindow?: { code: number; text: string };
}

export interface LocatorOptions {
  maxFindings: number;
  /** Lines shown before/after a candidate line. */
  before: number;
  after: number;
  /** Longest range one finding may grow to by merging neighbours. */
  maxSpan: number;
  /** Lines of the window before a failing exit line. */
  exitWindow: number;
}

export const DEFAULT_LOCATOR: LocatorOptions = {
  maxFindings: 5,
  before: 3,
  after: 8,
  maxSpan: 20,
  exitWindow: 20,
};

const SEVERITY_WEIGHT = { error: 6, warning: 2, info: 1 } as const;

/** How likely `candidate` is the reason, before its neighbours are considered. */
function scoreCandidate(candidate: Candidate, structure: LogStructure): number {
  const signature = candidate.match?.signature;
  if (signature?.category === 'benign') return 0;
  let base = signature ? SEVERITY_WEIGHT[signature.severity] + candidate.weight / 2 : candidate.weight;
  if (base <= 0) return 0;
  if (candidate.inBaseline) base *= 0.25;
  return base * positionFactor(candidate.line, structure);
}

/** Inside a failing step and near its exit: up to 2; steps that passed, and what follows the failure: less. */
function positionFactor(line: number, structure: LogStructure): number {
  const exits = structure.failingExits;
  if (exits.length === 0) {
    const total = Math.max(1, structure.lines);
    return 0.4 + 0.8 * (line / total) ** 2;
  }
  const exit = exits.find((e) => e.line >= line);
  if (!exit) return 0.3; // after the last failure: post steps, after_failure, cache upload
  const start = stepStartBefore(structure.stepStarts, exit.line);
  if (line < start) return 0.35;
  const span = Math.max(1, exit.line - start);
  const closeness = 1 - (exit.line - line) / span;
  return 1 + closeness + (exit === exits.at(-1) ? 0.2 : 0);
}

function stepStartBefore(starts: readonly number[], line: number): number {
  let found = 1;
  for (const start of starts) {
    if (start >= line) break;
    found = start;
  }
  return found;
}

/** Ranks the candidates into at most `maxFindings` non-overlapping ranges, best first. */
export function locate(
  candidates: readonly Candidate[],
  structure: LogStructure,
  isBlank: (line: number) => boolean,
  options: LocatorOptions = DEFAULT_LOCATOR,
): Located[] {
  const scored = candidates
    .map((candidate) => ({ candidate, score: scoreCandidate(candidate, structure) }))
    .filter((s) => s.score > 0.05)
    .sort((a, b) => a.candidate.line - b.candidate.line);
  const ranked = firstOfEachKind(
    clusters(scored, options)
      .map((cluster) => toRange(cluster, structure, options))
      .sort((a, b) => b.score - a.score || b.focus.line - a.focus.line),
    structure,
  );
  // Context windows of neighbouring clusters may overlap: a better range keeps its lines.
  const located: Located[] = [];
  for (const range of ranked) {
    if (located.length >= options.maxFindings * 2) break;
    const inside = (line: number) => located.some((l) => line >= l.start && line <= l.end);
    if (inside(range.focus.line)) continue;
    while (inside(range.start)) range.start++;
    while (inside(range.end)) range.end--;
    located.push(range);
  }
  const window = exitWindow(structure, isBlank, options.exitWindow);
  if (window) insertExitWindow(located, window, options.maxFindings);
  return located.slice(0, options.maxFindings);
}

type Scored = { candidate: Candidate; score: number };

/**
 * The same error repeated in one step (a test suite's failures, one message per retry): the first
 * occurrence is the root, the later ones are echoes. Each kind keeps its best rank but shows its
 * first occurrence, once.
 */
function firstOfEachKind(ranked: readonly Located[], structure: LogStructure): Located[] {
  const kind = (range: Located) => {
    const signature = range.focus.match?.signature.id;
    const head = normalizeLine(range.focus.text).slice(0, 60);
    return `${signature ?? head}@${stepStartBefore(structure.stepStarts, range.focus.line)}`;
  };
  const first = new Map<string, Located>();
  for (const range of [...ranked].sort((a, b) => a.focus.line - b.focus.line)) {
    if (!first.has(kind(range))) first.set(kind(range), range);
  }
  const shown = new Set<string>();
  const result: Located[] = [];
  for (const range of ranked) {
    const key = kind(range);
    if (shown.has(key)) continue;
    shown.add(key);
    const earliest = first.get(key)!;
    result.push(earliest.score >= range.score * 0.9 ? { ...earliest, score: range.score } : range);
  }
  return result;
}

/** Candidate lines close together (a message and its details) form one cluster. */
function clusters(scored: readonly Scored[], options: LocatorOptions): Scored[][] {
  const groups: Scored[][] = [];
  for (const item of scored) {
    const current = groups.at(-1);
    const first = current?.[0]?.candidate.line ?? 0;
    const last = current?.at(-1)?.candidate.line ?? Number.NEGATIVE_INFINITY;
    if (current && item.candidate.line - last <= 3 && item.candidate.line - first < options.maxSpan)
      current.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** A cluster's range: its lines plus context, centred on its best line when it is too long. */
function toRange(cluster: readonly Scored[], structure: LogStructure, options: LocatorOptions): Located {
  const best = cluster.reduce((a, b) => (b.score > a.score ? b : a));
  // When in doubt, not transient: a deterministic signature close in score names the cluster.
  const reason = best.candidate.match?.signature.transient
    ? (cluster.find((c) => isDeterministic(c.candidate) && c.score >= best.score * 0.5) ?? best)
    : best;
  // The line a person should read first: the earliest naming the same signature (a message comes
  // before its details), or for a generic reason the earliest nearly as convincing.
  const signature = reason.candidate.match?.signature;
  const focus =
    (signature
      ? cluster.find((c) => c.candidate.match?.signature === signature)
      : cluster.find((c) => c.score >= best.score * 0.8)) ?? reason;
  const focusLine = focus.candidate.line;
  let start = Math.max(1, cluster[0]!.candidate.line - options.before);
  let end = Math.min(structure.lines, cluster.at(-1)!.candidate.line + options.after);
  if (end - start + 1 > options.maxSpan) {
    start = Math.max(start, focusLine - options.before);
    end = Math.min(end, start + options.maxSpan - 1);
  }
  // A range never runs past the exit line of the step it is in (what follows is another step).
  const exit = structure.failingExits.find((e) => e.line >= focusLine);
  if (exit && end > exit.line) end = exit.line;
  // Several reasons in a row read more convincingly than one.
  const support = cluster.filter((c) => c !== best).reduce((sum, c) => sum + c.score, 0);
  return {
    start,
    end,
    score: best.score + Math.min(best.score / 2, support / 4),
    focus: { ...focus.candidate, ...(reason.candidate.match ? { match: reason.candidate.match } : {}) },
  };
}

function isDeterministic(candidate: Candidate): boolean {
  const signature = candidate.match?.signature;
  return signature !== undefined && !signature.transient && signature.category !== 'benign';
}

/**
 * The last lines a failing step printed before its exit line (blank lines, timer marks and the
 * closing cascade of wrappers such as npm and make skipped). Without an exit line, the last
 * propagation line (`make: *** [test] Error 1`) anchors it.
 */
function exitWindow(
  structure: LogStructure,
  isBlank: (line: number) => boolean,
  size: number,
): Located | undefined {
  const exit = structure.failingExits.at(-1);
  const anchor = exit?.line ?? structure.propagations.at(-1);
  if (anchor === undefined) return undefined;
  const stepStart = stepStartBefore(structure.stepStarts, anchor);
  const passOn = new Set(structure.propagations);
  let end = anchor - 1;
  while (end > stepStart && (isBlank(end) || passOn.has(end))) end--;
  if (end < 1) return undefined;
  const start = Math.max(stepStart, end - size + 1, 1);
  const text = exit?.text ?? 'the build stopped';
  return {
    start,
    end,
    score: 0,
    focus: { line: end, text, weight: 0 },
    exitWindow: { code: exit?.code ?? 1, text },
  };
}

/**
 * The exit window is offered among the first three findings: right after the best one when that one
 * is a strong, nearby reason, first when nothing convincing was found in the failing step.
 */
function insertExitWindow(located: Located[], window: Located, maxFindings: number): void {
  const overlapsWindow = (l: Located) => window.end >= l.start && window.start <= l.end;
  const covering = located.findIndex(overlapsWindow);
  if (covering !== -1 && covering < Math.min(2, maxFindings)) return;
  for (let i = located.length - 1; i >= 0; i--) if (overlapsWindow(located[i]!)) located.splice(i, 1);
  const best = located[0];
  const strong = best !== undefined && best.score >= 6;
  const at = strong ? Math.min(1, located.length) : 0;
  window.score = best ? best.score * (strong ? 0.99 : 1.01) : 1;
  located.splice(at, 0, window);
}
