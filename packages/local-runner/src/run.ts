import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { FileCommandVariable } from '@qeml/runner-protocol';
import { assignIgnoringCase } from './case-insensitive';
import { evaluateCondition } from './conditions';
import { buildContext, contextEnv, minimalEnv } from './context';
import { createFileCommandFiles } from './file-commands';
import { resolveInputs } from './inputs';
import { Masker } from './masker';
import { readActionMetadata } from './metadata';
import { findNode } from './node-binary';
import { OutputProcessor } from './output-processor';
import { readPhaseFiles } from './phase-files';
import { runPhaseProcess } from './phase-process';
import { StepLog } from './step-log';
import type { PhaseName, PhaseResult, RunOptions, StepOutcome, StepResult } from './types';

const PHASES: readonly PhaseName[] = ['pre', 'main', 'post'];
const DEFAULT_MAX_LOG_BYTES = 8 * 1024 * 1024;

/** Runs a JavaScript action's pre, main and post phases the way the GitHub runner does. */
export async function runLocalAction(options: RunOptions): Promise<StepResult> {
  validateOptions(options);
  const metadata = readActionMetadata(options.action);
  const ownTemp = options.tempDir === undefined;
  const tempDir = resolve(options.tempDir ?? mkdtempSync(join(tmpdir(), 'qeml-runner-')));
  const runDir = join(tempDir, `_local_runner_${randomUUID()}`);
  mkdirSync(runDir, { recursive: true });
  try {
    const context = buildContext(options, metadata.directory, tempDir);
    const masker = new Masker();
    if (context.token) masker.add(context.token); // secrets are always masked by the runner
    const log = new StepLog(options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES, options.echo);
    const relay = options.passthrough ? (line: string) => process.stdout.write(`${line}\n`) : undefined;
    const processor = new OutputProcessor(log, masker, [], context.workspace, relay);
    const inputs = resolveInputs(metadata, options.inputs ?? {}, context);
    for (const warning of inputs.warnings) processor.warn(warning);

    const eventPath = join(runDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
    const baseEnv = options.baseEnv ? definedEntries(options.baseEnv) : minimalEnv();
    const node = options.node ?? findNode(metadata.runs.using, baseEnv);
    const fixedEnv = { ...contextEnv(context, metadata.directory), GITHUB_EVENT_PATH: eventPath };

    const step = {
      outputs: {} as Record<string, string>,
      env: {} as Record<string, string>,
      path: [] as string[], // in order written; PATH gets them last-first
      state: {} as Record<string, string>,
      summaries: [] as string[],
      phases: [] as PhaseResult[],
    };
    let status: StepOutcome = 'success';
    let failingExitCode: number | undefined;
    let postRegistered = false; // the runner registers post when pre (or main) runs
    const selected = new Set(options.phases ?? PHASES);

    for (const phase of PHASES) {
      const script = metadata.runs[phase];
      if (!script || !selected.has(phase)) continue;
      if (phase === 'pre') {
        // A `./` action is not downloaded before the job starts, so the runner runs no pre for it.
        if (options.localAction || options.signal?.aborted) continue;
        if (!evaluateCondition(metadata.runs['pre-if'], status, 'runs.pre-if')) continue;
        postRegistered = true;
      }
      if (phase === 'main') {
        if (options.signal?.aborted) status = 'cancelled';
        if (status !== 'success') continue; // a step's own condition defaults to success()
        postRegistered = true;
      }
      if (phase === 'post') {
        if (selected.has('main') && !postRegistered) continue;
        if (!evaluateCondition(metadata.runs['post-if'], status, 'runs.post-if')) continue;
      }

      const files = createFileCommandFiles(runDir, phase);
      const env: Record<string, string> = {
        ...baseEnv,
        ...step.env,
        ...options.env,
        ...fixedEnv,
        ...offered(files, options.fileCommands),
        ...inputs.env,
        ...prefixed('STATE_', step.state),
      };
      prependPath(env, [...step.path].reverse());
      const effects = processor.startPhase();
      const started = Date.now();
      const processResult = await runPhaseProcess({
        node,
        script: resolve(metadata.directory, script),
        env,
        cwd: context.workspace,
        ...(options.passthrough ? {} : { processor }),
        // Post steps of a cancelled job still run, as on GitHub; the timeout still bounds them.
        ...(options.signal && status !== 'cancelled' ? { signal: options.signal } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        cancelGraceMs: options.cancelGraceMs ?? 7500,
        killGraceMs: options.killGraceMs ?? 2500,
        ...(options.measurePeakRss ? { peakRssDirectory: join(runDir, `rss_${phase}`) } : {}),
      });

      const written = readPhaseFiles(files);
      for (const warning of written.warnings) processor.warn(warning);
      for (const error of written.reportedErrors) processor.error(error);
      for (const error of written.errors) processor.error(error);
      if (processResult.timedOut)
        processor.error(`The action's ${phase} phase has timed out after ${options.timeoutMs} ms.`);
      if (phase === 'main') step.outputs = assignIgnoringCase({ ...effects.outputs }, written.outputs);
      Object.assign(step.env, written.env);
      assignIgnoringCase(step.state, effects.state);
      assignIgnoringCase(step.state, written.state);
      for (const entry of written.path) {
        step.path = step.path.filter((existing) => existing !== entry);
        step.path.push(entry);
      }
      if (written.summary) step.summaries.push(masker.mask(written.summary));

      const failed =
        processResult.exitCode !== 0 ||
        processResult.timedOut ||
        effects.failures.length > 0 ||
        written.errors.length > 0;
      const outcome: StepOutcome = processResult.cancelled ? 'cancelled' : failed ? 'failure' : 'success';
      step.phases.push({
        name: phase,
        exitCode: processResult.exitCode,
        signal: processResult.signal,
        outcome,
        durationMs: Date.now() - started,
        timedOut: processResult.timedOut,
        ...(processResult.peakRssBytes !== undefined ? { peakRssBytes: processResult.peakRssBytes } : {}),
      });
      if (outcome !== 'success') {
        failingExitCode ??= processResult.exitCode === 0 ? 1 : processResult.exitCode;
        if (outcome === 'cancelled' || status === 'success') status = outcome;
      }
    }

    if (status === 'cancelled') failingExitCode ??= 1;
    const rss = step.phases.map((phase) => phase.peakRssBytes).filter((bytes) => bytes !== undefined);
    return {
      exitCode: failingExitCode ?? step.phases.find((phase) => phase.name === 'main')?.exitCode ?? 0,
      outcome: status,
      outputs: step.outputs,
      env: step.env,
      path: [...step.path].reverse(),
      state: step.state,
      summary: step.summaries.join('\n'),
      annotations: processor.annotations,
      log: log.text(),
      masks: masker.list(),
      phases: step.phases,
      ...(rss.length > 0 ? { peakRssBytes: Math.max(...rss) } : {}),
    };
  } finally {
    rmSync(ownTemp ? tempDir : runDir, { recursive: true, force: true });
  }
}

function validateOptions(options: RunOptions): void {
  if (typeof options?.action !== 'string' || options.action === '') {
    throw new Error("runLocalAction: 'action' is required (a directory holding action.yml, or the file)");
  }
  for (const phase of options.phases ?? []) {
    if (!PHASES.includes(phase))
      throw new Error(`runLocalAction: 'phases' has '${phase}'; expected pre, main or post`);
  }
  const counts = { maxLogBytes: 0, timeoutMs: 1, cancelGraceMs: 0, killGraceMs: 0 } as const;
  for (const [name, minimum] of Object.entries(counts) as [keyof typeof counts, number][]) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
      throw new Error(`runLocalAction: '${name}' must be an integer >= ${minimum}, got ${value}`);
    }
  }
}

function definedEntries(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}

function prefixed(prefix: string, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]));
}

/** GITHUB_PATH entries go in front of PATH (whatever its case on Windows). */
function prependPath(env: Record<string, string>, entries: string[]): void {
  if (entries.length === 0) return;
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  env[key] = [...entries, ...(env[key] ? [env[key]] : [])].join(delimiter);
}

/** The file-command variables this runner offers (an older runner or GHES may lack some). */
function offered(
  files: Record<FileCommandVariable, string>,
  only: readonly FileCommandVariable[] | undefined,
): Partial<Record<FileCommandVariable, string>> {
  if (!only) return files;
  return Object.fromEntries(
    Object.entries(files).filter(([name]) => only.includes(name as FileCommandVariable)),
  );
}
