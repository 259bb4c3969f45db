/** package.json's dependencies against its lockfile (pnpm, npm or yarn): same names, same ranges. */
import { parseAllDocuments } from 'yaml';
import type { CheckFindings, Problem } from './model';
import type { WorkspaceFiles } from './workspace-files';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

type Specs = Map<string, string>;

/** The declared dependencies of a package.json: name -> range. */
export function declaredDependencies(packageJson: Record<string, unknown>): Specs {
  const specs: Specs = new Map();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = packageJson[field];
    if (deps && typeof deps === 'object') {
      for (const [name, range] of Object.entries(deps as Record<string, unknown>))
        specs.set(name, String(range));
    }
  }
  return specs;
}

/** Differences between package.json and what the lockfile records for it. */
function compare(file: string, where: string, declared: Specs, locked: Specs): Problem[] {
  const problems: Problem[] = [];
  for (const [name, range] of declared) {
    const inLock = locked.get(name);
    if (inLock === undefined)
      problems.push({
        level: 'error',
        file,
        message: `${file}: ${name}@${range} from ${where} is missing: the lockfile is out of sync (run the install again and commit the lockfile)`,
      });
    else if (inLock !== range)
      problems.push({
        level: 'error',
        file,
        message: `${file}: ${name} is ${range} in ${where} but ${inLock} in the lockfile: out of sync`,
      });
  }
  for (const [name, range] of locked) {
    if (!declared.has(name))
      problems.push({
        level: 'error',
        file,
        message: `${file}: ${name}@${range} is locked but no longer in ${where}: out of sync`,
      });
  }
  return problems;
}

function specsOf(value: unknown, pick: (entry: unknown) => string | undefined): Specs {
  const specs: Specs = new Map();
  if (value && typeof value === 'object') {
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
      const spec = pick(entry);
      if (spec !== undefined) specs.set(name, spec);
    }
  }
  return specs;
}

async function pnpmProblems(files: WorkspaceFiles, text: string): Promise<Problem[]> {
  // pnpm 11+ writes its own environment as a first document; the project's lock is the last one.
  // Only the importers are compared: the resolved `packages`/`snapshots` sections after them (most of
  // a large lockfile) are cut before parsing.
  const documents = parseAllDocuments(
    text.replace(/^(?:packages|snapshots):[\s\S]*?(?=^---$|(?![\s\S]))/gm, ''),
  );
  if (!Array.isArray(documents)) throw new Error('not valid YAML');
  const broken = documents.find((doc) => doc.errors.length > 0);
  if (broken) throw new Error(broken.errors[0]?.message ?? 'not valid YAML');
  const lock = (documents.at(-1)?.toJS() ?? {}) as Record<string, unknown>;
  // lockfile v5 keeps one `specifiers` map at the root; v6 and later an importer per workspace package.
  const importers = (lock.importers as Record<string, Record<string, unknown>> | undefined) ?? { '.': lock };
  const problems: Problem[] = [];
  for (const [dir, importer] of Object.entries(importers)) {
    const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`;
    const manifestText = await files.read(manifest);
    if (manifestText === undefined) continue;
    const declared = declaredDependencies(JSON.parse(manifestText));
    const locked: Specs = new Map();
    if (importer.specifiers)
      for (const [n, s] of specsOf(importer.specifiers, (e) => String(e))) locked.set(n, s);
    for (const field of DEPENDENCY_FIELDS) {
      for (const [n, s] of specsOf(importer[field], (e) =>
        e && typeof e === 'object' ? String((e as { specifier?: unknown }).specifier) : undefined,
      ))
        locked.set(n, s);
    }
    problems.push(...compare('pnpm-lock.yaml', manifest, declared, locked));
  }
  return problems;
}

function npmProblems(text: string, declared: Specs): Problem[] {
  const lock = JSON.parse(text) as Record<string, unknown>;
  const root = (lock.packages as Record<string, Record<string, unknown>> | undefined)?.[''];
  if (!root) {
    // lockfile v1 records versions, not ranges: the names must match.
    const names = specsOf(lock.dependencies, () => '*');
    return compare(
      'package-lock.json',
      'package.json',
      new Map([...declared.keys()].map((n) => [n, '*'])),
      new Map([...names].filter(([n]) => declared.has(n))),
    );
  }
  const locked: Specs = new Map();
  for (const field of DEPENDENCY_FIELDS)
    for (const [n, s] of specsOf(root[field], (e) => String(e))) locked.set(n, s);
  return compare('package-lock.json', 'package.json', declared, locked);
}

function yarnProblems(text: string, declared: Specs): Problem[] {
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '' || /^[\s#]/.test(line) || !line.endsWith(':')) continue;
    for (const key of line.slice(0, -1).split(',')) keys.add(key.trim().replace(/^"|"$/g, ''));
  }
  const problems: Problem[] = [];
  for (const [name, range] of declared) {
    if (range.startsWith('workspace:') || range.startsWith('link:') || range.startsWith('file:')) continue;
    if (!keys.has(`${name}@${range}`) && !keys.has(`${name}@npm:${range}`)) {
      problems.push({
        level: 'error',
        file: 'yarn.lock',
        message: `yarn.lock: no entry for ${name}@${range} from package.json: out of sync (run yarn install and commit yarn.lock)`,
      });
    }
  }
  return problems;
}

export async function lockfileFindings(
  files: WorkspaceFiles,
  packageJson: Record<string, unknown> | undefined,
): Promise<CheckFindings> {
  if (!packageJson) return { problems: [], note: 'no package.json' };
  const declared = declaredDependencies(packageJson);
  const found: string[] = [];
  const problems: Problem[] = [];
  const read = async (file: string, check: (text: string) => Problem[] | Promise<Problem[]>) => {
    const text = await files.read(file);
    if (text === undefined) return;
    found.push(file);
    try {
      problems.push(...(await check(text)));
    } catch (error) {
      problems.push({
        level: 'error',
        file,
        message: `${file} does not parse: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  };
  await read('pnpm-lock.yaml', (text) => pnpmProblems(files, text));
  await read('package-lock.json', (text) => npmProblems(text, declared));
  await read('yarn.lock', (text) => yarnProblems(text, declared));
  if (found.length === 0) {
    if (declared.size === 0) return { problems: [], note: 'no dependencies' };
    return {
      problems: [
        {
          level: 'warning',
          file: 'package.json',
          message:
            'package.json has dependencies but no lockfile (pnpm-lock.yaml, package-lock.json or yarn.lock): installs are not reproducible',
        },
      ],
      note: '',
    };
  }
  return { problems, note: `${found.join(', ')}: ${declared.size} dependencies in sync` };
}
