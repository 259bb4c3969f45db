/** The report files as the engine reads them, from the local file system (main.ts and the CLI). */
import { readdir, readFile, stat } from 'node:fs/promises';
import type { ReportFiles } from './failure-reports';

export const localFiles: ReportFiles = {
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (path) => readdir(path),
  isDirectory: async (path) => (await stat(path)).isDirectory(),
};
