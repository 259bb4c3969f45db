/** Checks about the run's surroundings: secrets, required files, API budget, disk space, tools. */
import type { CheckFindings, Problem } from './model';
import type { WorkspaceFiles } from './workspace-files';

/** Secrets by name: set in the step's env (`env: { NAME: ${{ secrets.NAME }} }`). Values are never read out. */
export function secretFindings(
  names: string[],
  env: Record<string, string | undefined>,
  eventName: string,
): CheckFindings {
  const missing = names.filter((name) => (env[name] ?? '').trim() === '');
  if (missing.length === 0)
    return { problems: [], note: names.length === 0 ? 'none required' : `${names.length} present` };
  const fork = eventName === 'pull_request' ? ' (a pull request from a fork gets no secrets)' : '';
  return {
    problems: missing.map((name) => ({
      level: 'error' as const,
      message: `secret ${name} is missing or empty: pass it to this step as env ${name}: \${{ secrets.${name} }}${fork}`,
    })),
    note: '',
  };
}

export async function fileFindings(paths: string[], files: WorkspaceFiles): Promise<CheckFindings> {
  const problems: Problem[] = [];
  for (const path of paths) {
    if (!(await files.exists(path)))
      problems.push({ level: 'error', file: path, message: `required file ${path} is missing` });
  }
  return { problems, note: paths.length === 0 ? 'none required' : `${paths.length} present` };
}

export interface RateLimit {
  remaining: number;
  limit: number;
  /** Epoch seconds. */
  reset: number;
}

export function budgetFindings(rate: RateLimit | undefined, needed: number): CheckFindings {
  if (!rate) return { problems: [], note: 'not checked: no github-token' };
  const note = `${rate.remaining} of ${rate.limit} requests left (needs ${needed}), resets ${new Date(rate.reset * 1000).toISOString().slice(11, 16)} UTC`;
  if (rate.remaining >= needed) return { problems: [], note };
  return { problems: [{ level: 'error', message: `only ${note}: the run may be throttled` }], note: '' };
}

const GiB = 1024 ** 3;

export function diskFindings(freeBytes: number | undefined, minBytes: number): CheckFindings {
  if (freeBytes === undefined) return { problems: [], note: 'not checked: free space unknown' };
  const free = `${(freeBytes / GiB).toFixed(1)} GiB free`;
  if (freeBytes >= minBytes) return { problems: [], note: free };
  return {
    problems: [
      { level: 'error', message: `${free}, less than the ${(minBytes / GiB).toFixed(1)} GiB required` },
    ],
    note: '',
  };
}

export async function toolFindings(
  tools: string[],
  which: (tool: string) => Promise<boolean>,
): Promise<CheckFindings> {
  const missing: string[] = [];
  for (const tool of tools) if (!(await which(tool))) missing.push(tool);
  return {
    problems: missing.map((tool) => ({ level: 'error' as const, message: `${tool} is not on PATH` })),
    note: tools.length === 0 ? 'none required' : tools.join(', '),
  };
}
