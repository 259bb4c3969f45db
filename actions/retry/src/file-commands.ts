/**
 * Each attempt writes $GITHUB_OUTPUT, $GITHUB_ENV and $GITHUB_PATH into fresh files of its own;
 * only the attempt that succeeds has its files appended to the step's real ones.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileCommandVariable } from '@qeml/runner-protocol';

/** The file commands an attempt may write that the step keeps (state and summary are the action's own). */
const CAPTURED = [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
] as const satisfies readonly FileCommandVariable[];
export type FileCommand = (typeof CAPTURED)[number];

/** What one attempt wrote, as raw file-command text (the runner's `name=value` / heredoc format). */
export type CapturedFiles = Record<FileCommand, string>;

export const emptyCapture = (): CapturedFiles => ({ GITHUB_OUTPUT: '', GITHUB_ENV: '', GITHUB_PATH: '' });

export interface AttemptFiles {
  /** Environment entries pointing the command at this attempt's files. */
  env: Record<FileCommand, string>;
  read(): Promise<CapturedFiles>;
  dispose(): Promise<void>;
}

/**
 * Creates empty file-command files for one attempt under `tempDir`, readable by this user only
 * (what a command writes there may be secret), in a folder no one else can plant files in.
 */
export async function createAttemptFiles(tempDir: string, label: string): Promise<AttemptFiles> {
  await mkdir(tempDir, { recursive: true });
  const dir = await mkdtemp(path.join(tempDir, `retry-files-${label}-`));
  const env = {} as Record<FileCommand, string>;
  for (const name of CAPTURED) {
    env[name] = path.join(dir, name.toLowerCase());
    await writeFile(env[name], '', { mode: 0o600, flag: 'wx' });
  }
  return {
    env,
    async read() {
      const captured = emptyCapture();
      for (const name of CAPTURED) captured[name] = await readFile(env[name], 'utf8').catch(() => '');
      return captured;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Appends captured contents to the step's real files (from the environment); returns what it wrote. */
export async function commitFileCommands(
  captured: CapturedFiles,
  env: NodeJS.ProcessEnv,
): Promise<FileCommand[]> {
  const written: FileCommand[] = [];
  for (const name of CAPTURED) {
    const target = env[name];
    const text = captured[name];
    if (!target || text === '') continue;
    await appendFile(target, text.endsWith('\n') ? text : `${text}\n`);
    written.push(name);
  }
  return written;
}
