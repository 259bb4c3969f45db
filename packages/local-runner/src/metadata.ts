import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ActionInput, ActionMetadata, ActionRuns } from './types';

const NODE_RUNTIMES = new Set(['node12', 'node16', 'node20', 'node24']);

/** Finds action.yml (preferred, like the runner) or action.yaml in a directory, or accepts the file itself. */
export function locateActionFile(actionPathOrDir: string): string {
  const path = resolve(actionPathOrDir);
  if (!existsSync(path)) throw new Error(`Action not found: '${path}' does not exist`);
  if (statSync(path).isFile()) return path;
  for (const name of ['action.yml', 'action.yaml']) {
    const candidate = join(path, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Can't find 'action.yml' or 'action.yaml' under '${path}'`);
}

/** Reads and validates an action's metadata; every problem names the file and the key. */
export function readActionMetadata(actionPathOrDir: string): ActionMetadata {
  const file = locateActionFile(actionPathOrDir);
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: invalid YAML: ${(error as Error).message}`);
  }
  if (!isMapping(document)) throw new Error(`${file}: expected a mapping at the top level`);
  const where = (key: string) => `${file}: '${key}'`;
  const runs = readRuns(document.runs, where);
  return {
    file,
    directory: dirname(file),
    name: typeof document.name === 'string' ? document.name : basename(dirname(file)),
    ...(typeof document.description === 'string' ? { description: document.description } : {}),
    inputs: readInputs(document.inputs, where),
    outputs: readOutputs(document.outputs, where),
    runs,
  };
}

function readRuns(value: unknown, where: (key: string) => string): ActionRuns {
  if (!isMapping(value)) throw new Error(`${where('runs')} is required and must be a mapping`);
  const using = scalarText(value.using);
  if (!using) throw new Error(`${where('runs.using')} is required`);
  // The runner compares `using` case-insensitively (HandlerFactory.cs).
  if (!NODE_RUNTIMES.has(using.toLowerCase())) {
    throw new Error(
      `${where('runs.using')} is '${using}': only JavaScript actions ` +
        `(runs.using node12, node16, node20 or node24) can be run this way; docker and composite actions cannot`,
    );
  }
  const runs: ActionRuns = {
    using: using.toLowerCase() as ActionRuns['using'],
    main: requiredPath(value.main, where('runs.main')),
  };
  for (const key of ['pre', 'post', 'pre-if', 'post-if'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    const text = scalarText(value[key]);
    if (text === undefined) throw new Error(`${where(`runs.${key}`)} must be a string`);
    runs[key] = text;
  }
  return runs;
}

function requiredPath(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`${label} is required (a path to a .js file)`);
  return value;
}

function readInputs(value: unknown, where: (key: string) => string): Record<string, ActionInput> {
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) throw new Error(`${where('inputs')} must be a mapping`);
  const inputs: Record<string, ActionInput> = {};
  for (const [name, spec] of Object.entries(value)) {
    const input: ActionInput = {};
    if (spec !== null && spec !== undefined && !isMapping(spec)) {
      throw new Error(`${where(`inputs.${name}`)} must be a mapping`);
    }
    const fields = spec ?? {};
    if (fields.description !== undefined) input.description = String(fields.description);
    if (fields.default !== undefined && fields.default !== null) input.default = String(fields.default);
    if (fields.required !== undefined)
      input.required = fields.required === true || fields.required === 'true';
    if (fields.deprecationMessage !== undefined) input.deprecationMessage = String(fields.deprecationMessage);
    inputs[name] = input;
  }
  return inputs;
}

function readOutputs(
  value: unknown,
  where: (key: string) => string,
): Record<string, { description?: string }> {
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) throw new Error(`${where('outputs')} must be a mapping`);
  const outputs: Record<string, { description?: string }> = {};
  for (const [name, spec] of Object.entries(value)) {
    outputs[name] =
      isMapping(spec) && spec.description !== undefined ? { description: String(spec.description) } : {};
  }
  return outputs;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
