import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDirForFile } from '../../support/temp';

const FIXTURES = fileURLToPath(new URL('../../fixtures/actions/', import.meta.url));

/** Directory of a fixture action under tests/fixtures/actions. */
export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A temp dir removed after the test file's tests. */
export function tempDirectory(prefix = 'qeml-lr-test-'): string {
  return tempDirForFile(prefix);
}

/** The JSON a fixture printed after `<label> ` on one log line. */
export function reported(log: string, label: string): Record<string, unknown> {
  const line = log.split('\n').find((candidate) => candidate.startsWith(`${label} `));
  if (!line) throw new Error(`no '${label}' line in log:\n${log}`);
  return JSON.parse(line.slice(label.length + 1)) as Record<string, unknown>;
}
