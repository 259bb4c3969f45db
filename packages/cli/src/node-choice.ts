/**
 * The Node binary `qeml run` and `qeml demo` run an action with. local-runner picks the one
 * `runs.using` names and refuses when there is none, as the runner would; a person at a terminal
 * is better served by running on this Node with a note than by an error (Node 24 is installed
 * by the test setup, not by `pnpm install`).
 */
import { findNode, readActionMetadata } from '@qeml/local-runner';

export function nodeForTerminal(
  actionDirectory: string,
  env: NodeJS.ProcessEnv,
  note: (text: string) => void,
  cwd = process.cwd(),
): string {
  const using = readActionMetadata(actionDirectory).runs.using;
  try {
    return findNode(using, env, cwd);
  } catch {
    note(
      `note: runs.using is ${using} but no such Node was found (set QEML_NODE24 or use --node); ` +
        `running with this Node ${process.versions.node}`,
    );
    return process.execPath;
  }
}
