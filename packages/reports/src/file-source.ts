/** Report bytes from the local disk, read lazily in 64 KiB chunks (the CLI's and the gate's source). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReportSource } from './deps';

export function fileSource(cwd?: string): ReportSource {
  const full = (file: string) => (cwd ? resolve(cwd, file) : file);
  return {
    read: (file) => createReadStream(full(file), { highWaterMark: 64 * 1024 }),
    async size(file) {
      const info = await stat(full(file));
      if (info.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
      return info.isFile() ? info.size : undefined;
    },
  };
}
