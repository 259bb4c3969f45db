// Entry point of the `qeml` CLI (bundled to dist/cli/index.js).
import { runCli } from './cli';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`qeml: unexpected error (please report it):\n${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
