/** Workflow files: valid for actionlint, and every `uses: ./path` pointing at an action that fits. */
import { posix } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { lintWorkflows, type WorkflowSource } from '../workflow-lint';
import type { CheckFindings, Problem } from './model';
import type { WorkspaceFiles } from './workspace-files';

export const WORKFLOWS_DIR = '.github/workflows';

export async function workflowSources(files: WorkspaceFiles): Promise<WorkflowSource[]> {
  const names = (await files.list(WORKFLOWS_DIR)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const sources: WorkflowSource[] = [];
  for (const name of names) {
    const file = `${WORKFLOWS_DIR}/${name}`;
    sources.push({ file, text: (await files.read(file)) ?? '' });
  }
  return sources;
}

export async function actionlintFindings(sources: WorkflowSource[]): Promise<CheckFindings> {
  const findings = await lintWorkflows(sources);
  return {
    problems: findings.map((f) => ({
      level: 'error' as const,
      file: f.file,
      line: f.line,
      column: f.column,
      message: `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`,
    })),
    note: sources.length === 0 ? 'no workflows' : `${sources.length} workflow(s)`,
  };
}

interface ActionInputs {
  inputs: Map<string, { required: boolean }>;
}

async function readActionInputs(files: WorkspaceFiles, dir: string): Promise<ActionInputs | string> {
  for (const name of ['action.yml', 'action.yaml']) {
    const text = await files.read(posix.join(dir, name));
    if (text === undefined) continue;
    const doc = parseDocument(text);
    if (doc.errors.length > 0)
      return `${posix.join(dir, name)} is not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`;
    const inputs = new Map<string, { required: boolean }>();
    const declared =
      (doc.toJS() as { inputs?: Record<string, { required?: unknown; default?: unknown } | null> } | null)
        ?.inputs ?? {};
    for (const [input, spec] of Object.entries(declared)) {
      const required = (spec?.required === true || spec?.required === 'true') && spec?.default === undefined;
      inputs.set(input.toLowerCase(), { required });
    }
    return { inputs };
  }
  return `${dir} has no action.yml or action.yaml`;
}

/** `uses: ./x` in each job's steps (an action) and at job level (a reusable workflow). */
export async function localActionFindings(
  sources: WorkflowSource[],
  files: WorkspaceFiles,
): Promise<CheckFindings> {
  const problems: Problem[] = [];
  let references = 0;
  const cache = new Map<string, ActionInputs | string>();
  for (const source of sources) {
    const lines = new LineCounter();
    const doc = parseDocument(source.text, { lineCounter: lines });
    if (doc.errors.length > 0) continue; // actionlint reports it
    const jobs = doc.get('jobs');
    if (!isMap(jobs)) continue;
    const at = (node: unknown) => {
      const offset = (node as { range?: [number] } | undefined)?.range?.[0];
      return offset === undefined ? undefined : lines.linePos(offset).line;
    };
    for (const pair of jobs.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      const jobUses = job.get('uses');
      if (typeof jobUses === 'string' && jobUses.startsWith('./')) {
        references += 1;
        const line = at(job.get('uses', true));
        if (!(await files.exists(jobUses))) {
          problems.push({
            level: 'error',
            file: source.file,
            line,
            message: `${source.file}:${line}: reusable workflow ${jobUses} does not exist`,
          });
        }
      }
      const steps = job.get('steps');
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        const uses = step.get('uses');
        if (typeof uses !== 'string' || !uses.startsWith('./')) continue;
        references += 1;
        const line = at(step.get('uses', true));
        const where = `${source.file}:${line}`;
        const dir = posix.normalize(uses);
        if (!cache.has(dir)) cache.set(dir, await readActionInputs(files, dir));
        const action = cache.get(dir);
        if (typeof action === 'string') {
          problems.push({
            level: 'error',
            file: source.file,
            line,
            message: `${where}: uses ${uses}, but ${action}`,
          });
          continue;
        }
        if (!action) continue;
        const given = withKeys(step);
        for (const [input, spec] of action.inputs) {
          if (spec.required && !given.has(input)) {
            problems.push({
              level: 'error',
              file: source.file,
              line,
              message: `${where}: ${uses} requires input '${input}', which this step does not give`,
            });
          }
        }
        for (const input of given) {
          if (!action.inputs.has(input)) {
            problems.push({
              level: 'warning',
              file: source.file,
              line,
              message: `${where}: ${uses} has no input '${input}' (known: ${[...action.inputs.keys()].join(', ') || 'none'})`,
            });
          }
        }
      }
    }
  }
  return { problems, note: `${references} local reference(s)` };
}

function withKeys(step: YAMLMap): Set<string> {
  const given = step.get('with');
  if (!isMap(given)) return new Set();
  return new Set(
    given.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key).toLowerCase()),
  );
}
