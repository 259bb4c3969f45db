/** Version constraints (requires-python, engines.node) against the versions the matrix runs. */
import { satisfies as pep440Satisfies, validRange as pep440Valid } from '@renovatebot/pep440';
import semver from 'semver';
import type { CheckFindings } from './model';

export const PYTHON_DIMENSIONS = ['python', 'python-version', 'python_version', 'py'];
export const NODE_DIMENSIONS = ['node', 'node-version', 'node_version'];

/** requires-python of a parsed pyproject.toml ([project]), if any. */
export function requiresPython(pyproject: Record<string, unknown> | undefined): string | undefined {
  const project = pyproject?.project as Record<string, unknown> | undefined;
  return typeof project?.['requires-python'] === 'string' ? project['requires-python'] : undefined;
}

/**
 * A matrix's Python version stands for its newest patch release ("3.10" runs 3.10.x), so it is
 * excluded only when no release of that line satisfies the specifier. Odd values (pypy3.10,
 * 3.13-dev, 3.x) are read for their number; what has none is left unchecked.
 */
function pythonAllowed(matrixValue: string, specifier: string): boolean | undefined {
  const number = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(matrixValue);
  if (!number) return undefined;
  const candidates =
    number[3] !== undefined ? [number[0]] : [`${number[1]}.${number[2]}.0`, `${number[1]}.${number[2]}.9999`];
  return candidates.some((version) => pep440Satisfies(version, specifier));
}

/** `3.1` (a Python long gone) that `3.10` would satisfy: YAML and JSON read an unquoted 3.10 as the number 3.1. */
function unquotedHint(excluded: string[], specifier: string): string {
  const lost = excluded.filter((v) => /^3\.[12]$/.test(v) && pythonAllowed(`${v}0`, specifier) === true);
  if (lost.length === 0) return '';
  return `; ${lost.join(', ')} may be an unquoted ${lost.map((v) => `${v}0`).join(', ')} read as a number: quote the versions ('${lost[0]}0')`;
}

export function pythonFindings(specifier: string | undefined, versions: string[]): CheckFindings {
  if (specifier === undefined) return { problems: [], note: 'no requires-python' };
  if (!pep440Valid(specifier)) {
    return {
      problems: [
        {
          level: 'error',
          file: 'pyproject.toml',
          message: `pyproject.toml: requires-python ${JSON.stringify(specifier)} is not a PEP 440 specifier`,
        },
      ],
      note: '',
    };
  }
  if (versions.length === 0)
    return { problems: [], note: `requires-python ${specifier}; no Python dimension in the matrix` };
  const excluded = versions.filter((v) => pythonAllowed(v, specifier) === false);
  if (excluded.length === 0)
    return { problems: [], note: `requires-python ${specifier} allows ${versions.join(', ')}` };
  return {
    problems: [
      {
        level: 'error',
        file: 'pyproject.toml',
        message: `requires-python "${specifier}" excludes matrix version(s) ${excluded.join(', ')}: those jobs cannot install the package (drop them from the matrix or widen requires-python)${unquotedHint(excluded, specifier)}`,
      },
    ],
    note: '',
  };
}

/** A matrix's Node version ("20", "20.x", "lts/*") against engines.node. */
function nodeAllowed(matrixValue: string, range: string): boolean | undefined {
  if (semver.valid(matrixValue)) return semver.satisfies(matrixValue, range);
  const asRange = semver.validRange(matrixValue);
  if (!asRange || asRange === '*') return undefined;
  return semver.intersects(asRange, range);
}

export function nodeFindings(
  packageJson: Record<string, unknown> | undefined,
  versions: string[],
): CheckFindings {
  const engines = packageJson?.engines as Record<string, unknown> | undefined;
  const range = typeof engines?.node === 'string' ? engines.node : undefined;
  if (range === undefined) return { problems: [], note: 'no engines.node' };
  if (!semver.validRange(range)) {
    return {
      problems: [
        {
          level: 'error',
          file: 'package.json',
          message: `package.json: engines.node ${JSON.stringify(range)} is not a semver range`,
        },
      ],
      note: '',
    };
  }
  if (versions.length === 0)
    return { problems: [], note: `engines.node ${range}; no Node dimension in the matrix` };
  const excluded = versions.filter((v) => nodeAllowed(v, range) === false);
  if (excluded.length === 0)
    return { problems: [], note: `engines.node ${range} allows ${versions.join(', ')}` };
  return {
    problems: [
      {
        level: 'error',
        file: 'package.json',
        message: `engines.node "${range}" excludes matrix version(s) ${excluded.join(', ')} (drop them from the matrix or widen engines.node)`,
      },
    ],
    note: '',
  };
}
