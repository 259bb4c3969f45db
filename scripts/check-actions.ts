// `pnpm check:actions`: the metadata rules every actions/*/action.yml keeps (see CONTRIBUTING.md).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { repoRoot } from './lib/repo';

export interface ActionReport {
  /** The action's folder name. */
  action: string;
  problems: string[];
}

const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name counts as documented when it appears as a whole word (not inside a longer kebab name). */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`).test(text);
}

function checkParameters(kind: 'input' | 'output', value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!isMapping(value)) {
    problems.push(`${kind}s must be a mapping`);
    return [];
  }
  for (const [name, spec] of Object.entries(value)) {
    if (!KEBAB.test(name)) problems.push(`${kind} "${name}" should be kebab-case`);
    if (!isMapping(spec) || !isText(spec.description)) problems.push(`${kind} "${name}" has no description`);
  }
  return Object.keys(value);
}

function checkRuns(dir: string, runs: unknown, problems: string[]): void {
  if (!isMapping(runs)) {
    problems.push('runs is missing');
    return;
  }
  if (runs.using !== 'node24')
    problems.push(`runs.using is ${JSON.stringify(runs.using)}; expected "node24"`);
  if (runs.main === undefined) problems.push('runs.main is missing');
  for (const key of ['pre', 'main', 'post']) {
    const path = runs[key];
    if (path === undefined) continue;
    if (!isText(path)) problems.push(`runs.${key} must be a path`);
    else if (!existsSync(resolve(dir, path)))
      problems.push(`runs.${key} points to ${path}, which does not exist`);
  }
}

/** Checks one action folder; returns its problems (empty when it keeps every rule). */
export async function checkAction(dir: string): Promise<string[]> {
  const problems: string[] = [];
  let meta: unknown;
  try {
    meta = parse(await readFile(join(dir, 'action.yml'), 'utf8'));
  } catch (error) {
    return [`action.yml cannot be read: ${(error as Error).message.split('\n')[0]}`];
  }
  if (!isMapping(meta)) return ['action.yml is not a mapping'];

  for (const key of ['name', 'description', 'author']) {
    if (!isText(meta[key])) problems.push(`${key} is missing`);
  }
  const branding = meta.branding;
  if (!isMapping(branding) || !isText(branding.icon) || !isText(branding.color)) {
    problems.push('branding needs an icon and a color');
  } else if (!BRANDING_COLORS.includes(branding.color)) {
    problems.push(`branding.color "${branding.color}" is not one of ${BRANDING_COLORS.join(', ')}`);
  }
  checkRuns(dir, meta.runs, problems);

  const inputs = checkParameters('input', meta.inputs, problems);
  checkParameters('output', meta.outputs, problems);

  const readmePath = join(dir, 'README.md');
  if (!existsSync(readmePath)) {
    problems.push('README.md is missing');
  } else {
    const readme = await readFile(readmePath, 'utf8');
    for (const input of inputs.filter((name) => !mentions(readme, name))) {
      problems.push(`input "${input}" is not documented in README.md`);
    }
  }
  return problems;
}

/** Checks every actions/<name>/ that has an action.yml. */
export async function checkActions(root: string = repoRoot): Promise<ActionReport[]> {
  const actionsDir = join(root, 'actions');
  if (!existsSync(actionsDir)) return [];
  const names = (await readdir(actionsDir))
    .filter((n) => existsSync(join(actionsDir, n, 'action.yml')))
    .sort();
  return Promise.all(
    names.map(async (action) => ({ action, problems: await checkAction(join(actionsDir, action)) })),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reports = await checkActions();
  for (const report of reports) {
    for (const problem of report.problems) console.error(`actions/${report.action}/action.yml: ${problem}`);
  }
  const failing = reports.filter((r) => r.problems.length > 0);
  if (failing.length > 0) {
    console.error(`${failing.length} action(s) break the metadata rules.`);
    process.exit(1);
  }
  console.log(
    `${reports.length} action(s) checked: ${reports.map((r) => r.action).join(', ') || 'none yet'}.`,
  );
}
