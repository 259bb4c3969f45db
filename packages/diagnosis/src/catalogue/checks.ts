// Checks a signature must pass whoever wrote it: the build-time catalogue compiler and the user
// patterns loader both run them, each with its own regex engine.
import type { Signature } from '../types';

/** The named groups a pattern may capture; the scanner copies them into the finding. */
const EXTRACTED_GROUPS = ['file', 'line', 'column', 'test'] as const;

/** Keywords are compared lower-cased; the catalogue stores them that way. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.toLowerCase()))];
}

/**
 * What is wrong with a signature's examples, given a matcher for its compiled pattern: an example
 * it does not match, a matching line without any keyword (the prefilter would skip it), a
 * multi-line example for a one-line signature. Empty when all is well.
 */
export function exampleProblems(
  signature: Pick<Signature, 'keywords' | 'examples' | 'window'>,
  matches: (text: string) => boolean,
): string[] {
  const problems: string[] = [];
  const keywords = normaliseKeywords(signature.keywords);
  signature.examples.forEach((example, i) => {
    const lines = example.split('\n');
    const window = signature.window ?? 1;
    if (lines.length > window) {
      problems.push(`example ${i + 1} has ${lines.length} lines but the window is ${window}`);
    }
    if (!matches(example))
      problems.push(`example ${i + 1} does not match the pattern: ${JSON.stringify(example)}`);
    const first = lines[0]!.toLowerCase();
    if (!keywords.some((k) => first.includes(k))) {
      problems.push(
        `example ${i + 1} contains none of the keywords ${JSON.stringify(keywords)} on its first line`,
      );
    }
  });
  return problems;
}

/** Named groups the scanner would not know what to do with. */
export function unknownGroups(groupNames: readonly string[]): string[] {
  return groupNames.filter((name) => !(EXTRACTED_GROUPS as readonly string[]).includes(name));
}
