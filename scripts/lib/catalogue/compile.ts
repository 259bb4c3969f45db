// Compiles packages/diagnosis/catalogue/*.yaml into src/catalogue/builtin.generated.ts: schema
// validation (ajv, a build tool only), unique ids, JavaScript and RE2 syntax, a backtracking bound,
// and every example matched by its own pattern and carrying a keyword.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { compileUserPattern } from '../../../packages/action-kit/src/patterns';
import {
  exampleProblems,
  normaliseKeywords,
  unknownGroups,
} from '../../../packages/diagnosis/src/catalogue/checks';
import type { Signature } from '../../../packages/diagnosis/src/types';
import { backtrackingBound, UnsafePatternError } from './backtracking-bound';

/** Built-in patterns are run by the JavaScript engine: on a line this long... */
export const ADVERSARIAL_LINE_LENGTH = 100_000;
/** ...no pattern may be able to take more backtracking steps than this. */
export const BACKTRACKING_BUDGET = 1e9;

export interface CataloguePaths {
  dir: string;
  schema: string;
  generated: string;
}

export function cataloguePaths(root: string): CataloguePaths {
  const pkg = join(root, 'packages', 'diagnosis');
  return {
    dir: join(pkg, 'catalogue'),
    schema: join(pkg, 'catalogue.schema.json'),
    generated: join(pkg, 'src', 'catalogue', 'builtin.generated.ts'),
  };
}

/** A catalogue mistake; the message names the file and the entry. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export interface CatalogueFile {
  name: string;
  document: unknown;
}

/** Reads every catalogue/*.yaml, in name order. */
export function readCatalogueFiles(dir: string): CatalogueFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      try {
        return { name, document: parseYaml(readFileSync(join(dir, name), 'utf8')) };
      } catch (error) {
        throw new CatalogueError(`${name}: not valid YAML: ${(error as Error).message}`);
      }
    });
}

/** A validator for one catalogue file against catalogue.schema.json; returns the problems. */
export function schemaValidator(schemaPath: string): (document: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map(describeSchemaError));
}

function describeSchemaError(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${error.params.additionalProperty})` : '';
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${extra}`;
}

/** Every problem with one signature that the schema cannot express. */
export function signatureProblems(signature: Signature): string[] {
  const flags = signature.ignoreCase ? 'i' : '';
  let regex: RegExp;
  try {
    regex = new RegExp(signature.pattern, flags);
  } catch (error) {
    return [`pattern is not a JavaScript regex: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  try {
    compileUserPattern(signature.pattern, {
      caseInsensitive: signature.ignoreCase === true,
      maxProgramSize: Number.POSITIVE_INFINITY,
    });
  } catch (error) {
    problems.push(
      `pattern is not RE2 syntax (so no scanner could run it in linear time): ${(error as Error).message}`,
    );
  }
  try {
    const steps = backtrackingBound(signature.pattern, ADVERSARIAL_LINE_LENGTH);
    if (steps > BACKTRACKING_BUDGET) {
      problems.push(
        `pattern may backtrack ~${steps.toExponential(1)} steps on a ${ADVERSARIAL_LINE_LENGTH}-character line (budget ${BACKTRACKING_BUDGET}): anchor it with ^ or bound its repetitions ({0,200})`,
      );
    }
  } catch (error) {
    if (!(error instanceof UnsafePatternError)) throw error;
    problems.push(`unsafe pattern: ${error.message}`);
  }
  const groups = unknownGroups(Object.keys(regex.exec(signature.examples[0] ?? '')?.groups ?? {}));
  if (groups.length > 0) problems.push(`unknown named group ${groups[0]} (use file, line, column or test)`);
  return [...problems, ...exampleProblems(signature, (text) => regex.test(text))];
}

/** Validates the whole catalogue and returns its signatures; throws CatalogueError listing every problem. */
export function compileCatalogue(paths: CataloguePaths): Signature[] {
  const validate = schemaValidator(paths.schema);
  const problems: string[] = [];
  const signatures: Signature[] = [];
  const seen = new Map<string, string>();
  for (const file of readCatalogueFiles(paths.dir)) {
    const schemaProblems = validate(file.document);
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems.map((p) => `${file.name}: ${p}`));
      continue;
    }
    for (const raw of (file.document as { signatures: Signature[] }).signatures) {
      const signature = { ...raw, keywords: normaliseKeywords(raw.keywords) };
      const where = `${file.name}: ${signature.id}`;
      const earlier = seen.get(signature.id);
      if (earlier) problems.push(`${where}: id already used in ${earlier}`);
      seen.set(signature.id, file.name);
      problems.push(...signatureProblems(signature).map((p) => `${where}: ${p}`));
      signatures.push(signature);
    }
  }
  if (problems.length > 0)
    throw new CatalogueError(`the failure catalogue is invalid:\n  ${problems.join('\n  ')}`);
  return signatures;
}

/** The text of builtin.generated.ts for these signatures. */
export function renderGenerated(signatures: readonly Signature[]): string {
  return [
    '// Generated by `pnpm catalogue` from packages/diagnosis/catalogue/*.yaml: do not edit by hand.',
    "import type { Signature } from '../types';",
    '',
    `export const BUILTIN_SIGNATURES: readonly Signature[] = ${JSON.stringify(signatures, null, 2)};`,
    '',
  ].join('\n');
}

/** Compiles the catalogue of a checkout; undefined when the checkout has none. */
export function generatedCatalogue(root: string): { path: string; text: string } | undefined {
  const paths = cataloguePaths(root);
  if (!existsSync(paths.dir)) return undefined;
  return { path: paths.generated, text: renderGenerated(compileCatalogue(paths)) };
}
