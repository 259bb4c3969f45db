/**
 * What a single line says about a failure without the catalogue: the exit line of a failing step,
 * the start of a step, and how strongly it reads like an error (the generic reason locator).
 * These words are also prefilter keywords, so a line none of them holds is never looked at.
 */

/** The words of a line that reads like an error; `errorWeight` weighs them. */
const ERROR_WORDS = [
  'error',
  'err!',
  'fail',
  'fatal',
  'exception',
  'panic',
  'abort',
  'traceback',
  'assert',
  'cannot',
  "can't",
  'could not',
  "couldn't",
  'unable to',
  'not found',
  'no such file',
  'denied',
  'undefined',
  'segmentation',
  'core dumped',
  'killed',
  'timed out',
  'timeout',
  'missing',
  'invalid',
  'unexpected',
  'not ok',
] as const;

/** Keywords that make a line worth a look even when no signature names it. */
export const LOCATOR_KEYWORDS = [
  ...ERROR_WORDS,
  'exited with',
  'exit code',
  'exit status',
  '##[',
  '::error',
  'travis_fold:start',
  'travis_time:start',
] as const;

/** A failing step's last word: GitHub's, Travis's, or a shell's. */
export function failingExitCode(text: string, marker?: string): number | undefined {
  let found: RegExpExecArray | null = null;
  if (marker === 'error') found = /^Process completed with exit code (\d+)/.exec(text);
  if (!found && text.includes('exited with')) found = /The command ".*" exited with (\d+)\.?\s*$/.exec(text);
  if (!found) return undefined;
  const code = Number(found[1]);
  return code === 0 ? undefined : code;
}

/** The end of a step that passed (Travis prints one per command). */
export function passingExit(text: string): boolean {
  return text.includes('exited with 0') && /The command ".*" exited with 0\.?\s*$/.test(text);
}

/** A line that starts a step: GitHub's `##[group]Run …`, Travis's fold and timer marks. */
export function stepStart(text: string, marker?: string): string | undefined {
  if (marker === 'group') return text.trim();
  if (!text.includes('travis_')) return undefined;
  const travis = /travis_(?:fold|time):start:\S*\s*(.*)$/.exec(text);
  if (travis) return (travis[1] ?? '').trim();
  return undefined;
}

/** One cheap look for any of the words `errorWeight` and `isPropagation` weigh. */
const ANY_ERROR_WORD = new RegExp(
  [...ERROR_WORDS, '***', 'exited with', 'exit status']
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'i',
);

/** False when no word the generic locator weighs is on the line (most candidate lines of a catalogue hit). */
export function mayBeError(text: string): boolean {
  return ANY_ERROR_WORD.test(text);
}

interface Weighted {
  pattern: RegExp;
  weight: number;
}

// Weights say how strongly a word points at a reason; the sum is capped.
const ERROR_WORD_WEIGHTS: readonly Weighted[] = [
  { pattern: /\berror\b|\berr!|error:|errors? occurred/, weight: 3 },
  { pattern: /\bfatal\b/, weight: 3 },
  { pattern: /\bpanic(?:ked)?\b|traceback|segmentation fault|core dumped/, weight: 3 },
  { pattern: /\bexception\b|\w(?:exception|error)\b/, weight: 2.5 },
  { pattern: /\bfail(?:s|ed|ure|ures|ing)?\b/, weight: 2.5 },
  { pattern: /\baborted?\b|\bassert(?:ion)?/, weight: 2 },
  { pattern: /\bcannot\b|can't|could not|couldn't|unable to|not found|no such file|denied/, weight: 2 },
  { pattern: /\bnot ok\b|\bkilled\b/, weight: 2 },
  { pattern: /\bundefined\b|\bmissing\b|\binvalid\b|\bunexpected\b|timed out|\btimeout\b/, weight: 1.5 },
];

// Lines that hold an error word but say that nothing failed, or only echo a command or a flag.
const NOT_A_FAILURE: readonly RegExp[] = [
  /\b0 (?:errors?|failures?|failed|failing)\b|\b(?:errors?|failures?|failed)[:=]? ?0\b|\bno (?:errors|failures)\b/,
  /-w(?:no-)?error\b|-werror=|error_reporting|onerror|\berror\.(?:log|h|c|js|ts|py)\b/,
  /\b(?:passed|passing|succeeded|successful(?:ly)?)\b(?!.*\bfail)/,
  /^\s*\$ /,
  /travis_(?:fold|time):/,
];

// A test or check that passed, whatever words its name holds (`✓ handles ECONNRESET`, `test_error PASSED`).
const PASSED =
  /:\s+ok\b|^\s*ok \d+\b|\bok$|\.{3,}\s*(?:ok|skipped)\b|^\s*(?:✓|✔|√|pass\b)|\bpassed\s*(?:\[\s*\d+%\])?$/i;

/** True when the line reports something that passed: no catalogue match or error word on it counts. */
export function readsAsPassed(text: string): boolean {
  return PASSED.test(text);
}

// Lines that only pass a failure on (a wrapper's exit status, npm's and make's closing cascade): the
// reason is above them, so they rank low and the exit window ends before them.
const PROPAGATION: readonly RegExp[] = [
  /^make(?:\[\d+\])?: \*\*\* .*(?:error \d+|stop\.)/,
  /^makefile:\d+: recipe for target .* failed/,
  /npm err!(?:$| (?:code elifecycle|errno \d|exit status|failed at the|test failed|this is probably|a complete log|tell the author|not with npm|you can get|make sure you have|\s*$|\S+@\S+ \S+: `|\s+\/.*_logs\/))/,
  /^error: ".*" exited with \d+/,
  /^error command failed with exit code|^info visit https:\/\/yarnpkg/,
  /returned non-zero exit status|calledprocesserror/,
  /^done\. your build exited with/,
  /^error: process completed with exit code/,
];

/** True when the line only reports that something above it failed. */
export function isPropagation(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return PROPAGATION.some((pattern) => pattern.test(lower));
}

/**
 * How strongly a cleaned line reads like a failure reason: 0 when not at all, up to 5. `warning`
 * lines without an error word score low: a warning is rarely why a build failed.
 */
export function errorWeight(text: string): number {
  const lower = text.toLowerCase();
  let total = 0;
  let strongest = 0;
  for (const { pattern, weight } of ERROR_WORD_WEIGHTS) {
    if (pattern.test(lower)) {
      total += weight;
      strongest = Math.max(strongest, weight);
    }
  }
  if (total === 0) return 0;
  if (isPropagation(text)) return 0.5;
  if (readsAsPassed(text) || NOT_A_FAILURE.some((pattern) => pattern.test(lower))) return 0.2;
  let weight = Math.min(5, strongest + (total - strongest) / 2);
  if (/\bwarn(?:ing)?\b/.test(lower) && !/\berror\b/.test(lower)) weight *= 0.3;
  return weight;
}
