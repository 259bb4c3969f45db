/** Project manifests read once: package.json, pyproject.toml, requirements*.txt, environment.yml. */
import { validRange } from '@renovatebot/pep440';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { CheckFindings, Problem } from './model';
import type { WorkspaceFiles } from './workspace-files';

export interface Manifests {
  packageJson?: Record<string, unknown>;
  pyproject?: Record<string, unknown>;
  /** What was read (for the note) and what did not parse. */
  read: string[];
  problems: Problem[];
}

const REQUIREMENT =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\([^)]*\)|[^;@]*)?\s*(@\s*\S+)?\s*(;.*)?$/;

/** Reads every manifest at the workspace root (and requirements/*.txt); a parse error is a problem naming file and line. */
export async function readManifests(files: WorkspaceFiles): Promise<Manifests> {
  const manifests: Manifests = { read: [], problems: [] };
  const problem = (file: string, message: string, line?: number) =>
    manifests.problems.push({
      level: 'error',
      file,
      message: `${file}${line ? `:${line}` : ''}: ${message}`,
      ...(line ? { line } : {}),
    });

  const packageText = await files.read('package.json');
  if (packageText !== undefined) {
    manifests.read.push('package.json');
    try {
      const value = JSON.parse(packageText);
      if (!value || typeof value !== 'object' || Array.isArray(value))
        problem('package.json', 'expected a JSON object');
      else manifests.packageJson = value;
    } catch (error) {
      problem('package.json', `not valid JSON: ${(error as Error).message}`);
    }
  }

  const pyprojectText = await files.read('pyproject.toml');
  if (pyprojectText !== undefined) {
    manifests.read.push('pyproject.toml');
    try {
      manifests.pyproject = parseToml(pyprojectText) as Record<string, unknown>;
    } catch (error) {
      const line = error instanceof TomlError ? error.line : undefined;
      problem('pyproject.toml', `not valid TOML: ${(error as Error).message.split('\n')[0]}`, line);
    }
  }

  const requirementFiles = [
    ...(await files.list('.')).filter((n) => /^requirements.*\.txt$/.test(n)),
    ...(await files.list('requirements')).filter((n) => n.endsWith('.txt')).map((n) => `requirements/${n}`),
  ];
  for (const file of requirementFiles.sort()) {
    const text = (await files.read(file)) ?? '';
    manifests.read.push(file);
    text.split('\n').forEach((raw, i) => {
      const message = requirementProblem(raw);
      if (message) problem(file, message, i + 1);
    });
  }

  for (const file of ['environment.yml', 'environment.yaml']) {
    const text = await files.read(file);
    if (text === undefined) continue;
    manifests.read.push(file);
    try {
      const value = parseYaml(text) as Record<string, unknown> | null;
      if (!value || typeof value !== 'object' || !Array.isArray(value.dependencies)) {
        problem(file, "expected a mapping with a 'dependencies' list");
      }
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      problem(file, `not valid YAML: ${(error as Error).message.split('\n')[0]}`, line);
    }
  }
  return manifests;
}

/** What is wrong with one line of a requirements file (PEP 508 / pip's options), if anything. */
export function requirementProblem(raw: string): string | undefined {
  const line = raw.replace(/(^|\s)#.*$/, '').trim();
  if (line === '' || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line) || /^[./]/.test(line))
    return undefined;
  const match = REQUIREMENT.exec(line);
  if (!match) return `not a requirement: ${JSON.stringify(line)}`;
  const specifier = (match[3] ?? '').replace(/^\(|\)$/g, '').trim();
  if (specifier !== '' && !validRange(specifier)) {
    return `invalid version specifier ${JSON.stringify(specifier)} for ${match[1]} (PEP 440, e.g. ">=1.2,<2")`;
  }
  return undefined;
}

export function manifestFindings(manifests: Manifests): CheckFindings {
  return {
    problems: manifests.problems,
    note: manifests.read.length > 0 ? manifests.read.join(', ') : 'no manifest found',
  };
}
