import type { parse } from 'yaml';
import type { compileUserPattern } from './patterns';

/** The heavy parsers some input kinds need, each present only when an input of its kind has a value. */
export interface Parsers {
  picomatch?: typeof import('picomatch');
  compileUserPattern?: typeof compileUserPattern;
  parseYaml?: typeof parse;
}

/**
 * Loads the parsers for the given input kinds. They are imported on demand because evaluating
 * yaml, re2js and picomatch takes a good part of an action's cold start, and most runs need none.
 */
export async function loadParsers(kinds: readonly string[]): Promise<Parsers> {
  const needed = new Set(kinds);
  const [picomatch, patterns, yaml] = await Promise.all([
    needed.has('globs') ? import('picomatch') : undefined,
    needed.has('patterns') ? import('./patterns') : undefined,
    needed.has('object') ? import('yaml') : undefined,
  ]);
  return {
    picomatch: picomatch?.default,
    compileUserPattern: patterns?.compileUserPattern,
    parseYaml: yaml?.parse,
  };
}
