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

type Declared = Record<string, { required?: unknown; default?: unknown } | null> | undefined;

function inputsOf(declared: Declared): ActionInputs {
  const inputs = new Map<string, { required: boolean }>();
  for (const [input, spec] of Object.entries(declared ?? {})) {
    const required = (spec?.required === true || spec?.required === 'true') && spec?.default === undefined;
    inputs.set(input.toLowerCase(), { required });
  }
  return { inputs };
}

/** The inputs an action (`./dir`) or a reusable workflow (`./.github/workflows/x.yml`) declares, or why there are none. */
async function readTargetInputs(files: WorkspaceFiles, target: string): Promise<ActionInputs | string> {
  const workflow = /\.ya?ml$/.test(target);
  for (const file of workflow
    ? [target]
    : [posix.join(target, 'action.yml'), posix.join(target, 'action.yaml')]) {
    const text = await files.read(file);
    if (text === undefined) continue;
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return `${file} is not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`;
    const value = (doc.toJS() ?? {}) as {
      inputs?: Declared;
      on?: { workflow_call?: { inputs?: Declared } | null };
    };
    if (!workflow) return inputsOf(value.inputs);
    if (!value.on || typeof value.on !== 'object' || !('workflow_call' in value.on)) {
      return `${file} is not a reusable workflow (no on.workflow_call)`;
    }
    return inputsOf(value.on.workflow_call?.inputs);
  }
  return workflow ? `${target} does not exist` : `${target} has no action.yml or action.yaml`;
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
    const callers: YAMLMap[] = [];
    for (const pair of jobs.items) {
      if (!isMap(pair.value)) continue;
      callers.push(pair.value);
      const steps = pair.value.get('steps');
      if (isSeq(steps)) callers.push(...steps.items.filter(isMap));
    }
    for (const caller of callers) {
      const uses = caller.get('uses');
      if (typeof uses !== 'string' || !uses.startsWith('./')) continue;
      references += 1;
      const offset = (caller.get('uses', true) as { range?: [number] } | undefined)?.range?.[0];
      const line = offset === undefined ? undefined : lines.linePos(offset).line;
      const where = `${source.file}:${line}`;
      const report = (level: Problem['level'], message: string) =>
        problems.push({
          level,
          file: source.file,
          ...(line ? { line } : {}),
          message: `${where}: ${message}`,
        });
      const target = posix.normalize(uses);
      if (!cache.has(target)) cache.set(target, await readTargetInputs(files, target));
      const declared = cache.get(target);
      if (declared === undefined) continue;
      if (typeof declared === 'string') {
        report('error', `uses ${uses}, but ${declared}`);
        continue;
      }
      const given = withKeys(caller);
      for (const [input, spec] of declared.inputs) {
        if (spec.required && !given.has(input))
          report(
            'error',
            `${uses} requires input '${input}', which this ${/\.ya?ml$/.test(target) ? 'job' : 'step'} does not give`,
          );
      }
      for (const input of given) {
        if (!declared.inputs.has(input)) {
          report(
            'warning',
            `${uses} has no input '${input}' (known: ${[...declared.inputs.keys()].join(', ') || 'none'})`,
          );
        }
      }
    }
  }
  return { problems, note: `${references} local reference(s)` };
}

function withKeys(caller: YAMLMap): Set<string> {
  const given = caller.get('with');
  if (!isMap(given)) return new Set();
  return new Set(
    given.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key).toLowerCase()),
  );
}
