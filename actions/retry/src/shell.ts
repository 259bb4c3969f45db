/** Shells as a `run:` step knows them: a template with `{0}` for the script file, and the script's extension. */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ShellSpec {
  /** The template the command line is built from; `{0}` is replaced by the script path. */
  template: string;
  /** Extension of the script file, with its dot (some interpreters need it). */
  extension: string;
  /** Wraps the user's script as the runner does for this shell (e.g. pwsh error preference). */
  wrap(script: string): string;
}

const asIs = (script: string): string => script;
const pwshWrap = (script: string): string =>
  `$ErrorActionPreference = 'stop'\n${script}\nif ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }\n`;

/** The shells a `run:` step accepts by name. `cmd` and `powershell` exist only on Windows runners. */
export const KNOWN_SHELLS: Record<string, ShellSpec> = {
  bash: { template: 'bash --noprofile --norc -eo pipefail {0}', extension: '.sh', wrap: asIs },
  sh: { template: 'sh -e {0}', extension: '.sh', wrap: asIs },
  pwsh: { template: `pwsh -command ". '{0}'"`, extension: '.ps1', wrap: pwshWrap },
  powershell: { template: `powershell -command ". '{0}'"`, extension: '.ps1', wrap: pwshWrap },
  python: { template: 'python {0}', extension: '.py', wrap: asIs },
  node: { template: 'node {0}', extension: '.js', wrap: asIs },
  cmd: { template: '%ComSpec% /D /E:ON /V:OFF /S /C "CALL "{0}""', extension: '.cmd', wrap: asIs },
};

/** The shell used when `shell` is empty, the same as a `run:` step's default. */
export function defaultShellName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'pwsh' : 'bash';
}

/**
 * Resolves the `shell` input: a known name or a custom template containing `{0}`.
 * Returns an error message (naming no input: the caller adds it) when it is neither.
 */
export function resolveShell(
  value: string,
  platform: NodeJS.Platform = process.platform,
): ShellSpec | string {
  const name = value.trim() === '' ? defaultShellName(platform) : value.trim();
  const known = KNOWN_SHELLS[name];
  if (known) {
    if ((name === 'cmd' || name === 'powershell') && platform !== 'win32') {
      return `'${name}' is only available on Windows runners`;
    }
    return known;
  }
  if (!name.includes('{0}')) {
    return `'${name}' is not a known shell (${Object.keys(KNOWN_SHELLS).join(', ')}) and, as a custom template, it must contain {0} where the script path goes`;
  }
  const program = path.basename(splitCommandLine(name)[0] ?? '').replace(/\.exe$/i, '');
  const like = KNOWN_SHELLS[program];
  return { template: name, extension: like?.extension ?? '', wrap: like?.wrap ?? asIs };
}

/** Splits a command line on whitespace, keeping "double" and 'single' quoted parts together. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export interface ShellCommand {
  file: string;
  args: string[];
  /** Windows shells take the command line verbatim (cmd's quoting is its own). */
  verbatim: boolean;
}

/** Builds the program and arguments that run `scriptPath` with this shell. */
export function shellCommand(shell: ShellSpec, scriptPath: string, env: NodeJS.ProcessEnv): ShellCommand {
  const expanded = shell.template.replace(/%ComSpec%/gi, env.ComSpec ?? env.COMSPEC ?? 'cmd.exe');
  if (/^\S*cmd(\.exe)?\s/i.test(expanded) && process.platform === 'win32') {
    const [file = 'cmd.exe', ...rest] = expanded.split(' ');
    return { file, args: [rest.join(' ').replaceAll('{0}', scriptPath)], verbatim: true };
  }
  const [file = '', ...args] = splitCommandLine(expanded).map((word) => word.replaceAll('{0}', scriptPath));
  return { file, args, verbatim: false };
}

/** Writes the script to a fresh file in `dir` (RUNNER_TEMP), with the shell's extension. */
export async function writeScript(shell: ShellSpec, script: string, dir: string): Promise<string> {
  const file = path.join(dir, `retry-${randomUUID()}${shell.extension}`);
  await writeFile(file, shell.wrap(script), { mode: 0o700 });
  return file;
}
