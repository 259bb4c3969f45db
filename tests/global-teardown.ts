// Runs once after all tests: the run's own temp dir (set up by tests/global-setup.ts) must be empty.
import { RUN_TEMP_VARIABLE, removeRunTempDir } from './support/run-temp';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[RUN_TEMP_VARIABLE];
  if (dir) await removeRunTempDir(dir);
}
