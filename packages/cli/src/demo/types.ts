import type { GitHubSim } from '@qeml/github-sim';

/** One step of a demo: the action run once with these inputs, as a workflow step would. */
export interface DemoStep {
  title: string;
  /** `with:` values. */
  inputs: Record<string, string>;
  /** Step `env:`. */
  env?: Record<string, string>;
  /** Event payload (GITHUB_EVENT_PATH) and name; default `{}` and `push`. */
  event?: unknown;
  eventName?: string;
  /** GITHUB_WORKSPACE of the step (default: the checkout); a scenario's setup may fill it in. */
  workspace?: string;
  /** GITHUB_REPOSITORY (owner/name); default local-runner's `qeml-local/local-repo`. */
  repository?: string;
  /** The outcome the demo shows; the demo fails when the step ends otherwise. Default `success`. */
  expect?: 'success' | 'failure';
}

/** What `qeml demo` shows of one action: exported as `demo` from actions/<name>/demo.ts. */
export interface DemoScenario {
  /** Folder name under actions/ (its action.yml runs the committed dist/<name>/ bundle). */
  action: string;
  title: string;
  /** Prepares the GitHub simulator the steps talk to (repos, runs, faults). */
  setup?(sim: GitHubSim): void | Promise<void>;
  steps: DemoStep[];
  /** Removes what setup made outside the simulator (temporary repositories). */
  teardown?(): Promise<void>;
}
