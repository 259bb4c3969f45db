/** A strategy matrix as GitHub expands it (dimensions, then exclude, then include), and its pruning. */

export type MatrixValue = string | number | boolean | Record<string, unknown> | unknown[] | null;
export type Combination = Record<string, MatrixValue>;

export interface MatrixSpec {
  dimensions: Record<string, MatrixValue[]>;
  include: Combination[];
  exclude: Combination[];
}

/** Reads a parsed `matrix:` mapping; throws an Error naming what is wrong. */
export function matrixSpec(value: unknown): MatrixSpec {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('expected a mapping of dimension names to lists, with optional include/exclude lists');
  }
  const spec: MatrixSpec = { dimensions: {}, include: [], exclude: [] };
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'include' || key === 'exclude') {
      if (!Array.isArray(entry) || !entry.every(isCombination)) {
        throw new Error(`'${key}' must be a list of mappings`);
      }
      spec[key] = entry as Combination[];
    } else if (Array.isArray(entry)) {
      if (entry.length === 0) throw new Error(`dimension '${key}' has no values`);
      spec.dimensions[key] = entry as MatrixValue[];
    } else {
      throw new Error(`dimension '${key}' must be a list of values`);
    }
  }
  return spec;
}

function isCombination(value: unknown): value is Combination {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every job the matrix makes (docs "Using a matrix for your jobs"): the product of the dimensions
 * minus the `exclude` matches; each `include` entry extends every combination whose original values
 * it agrees with (never overwriting them), or is added as a job of its own when it extends none.
 */
export function expandMatrix(spec: MatrixSpec): Combination[] {
  let combos: Combination[] = [{}];
  const names = Object.keys(spec.dimensions);
  for (const name of names) {
    combos = combos.flatMap((combo) => (spec.dimensions[name] ?? []).map((v) => ({ ...combo, [name]: v })));
  }
  if (names.length === 0) combos = [];
  combos = combos.filter(
    (combo) => !spec.exclude.some((ex) => Object.entries(ex).every(([k, v]) => same(combo[k], v))),
  );
  // Only the product's jobs are extended; a job an include added stays as it is (GitHub's example).
  const originals = combos.map((combo) => ({ ...combo }));
  const productJobs = combos.length;
  for (const entry of spec.include) {
    let extended = false;
    combos.slice(0, productJobs).forEach((combo, i) => {
      const original = originals[i] ?? {};
      const agrees = Object.entries(entry).every(([k, v]) => !(k in original) || same(original[k], v));
      if (!agrees) return;
      extended = true;
      Object.assign(combo, entry);
    });
    if (!extended) {
      combos.push({ ...entry });
    }
  }
  return combos;
}

/** Keeps the combinations whose value of each restricted dimension is allowed (a job without the dimension stays). */
export function pruneMatrix(combos: Combination[], allowed: Record<string, string[]>): Combination[] {
  return combos.filter((combo) =>
    Object.entries(allowed).every(([dim, values]) => !(dim in combo) || values.includes(String(combo[dim]))),
  );
}

/** The value of the `matrix` output: include-only, so `fromJSON` gives exactly these jobs; never empty (one job `{}`). */
export function matrixOutput(combos: Combination[]): { include: Combination[] } {
  return { include: combos.length > 0 ? combos : [{}] };
}

/** The values one dimension takes across the jobs (as strings, in first-seen order). */
export function dimensionValues(combos: Combination[], names: string[]): string[] {
  const values: string[] = [];
  for (const combo of combos) {
    for (const name of names) {
      if (name in combo && combo[name] !== null && typeof combo[name] !== 'object') {
        const value = String(combo[name]);
        if (!values.includes(value)) values.push(value);
      }
    }
  }
  return values;
}
