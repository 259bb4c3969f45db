/** @qeml/cli: the `qeml` command line, and the types action folders use for their demo scenarios. */
export { runCli } from './cli';
export type { CliIO, Command } from './command';
export { UsageError } from './command';
export type { DemoScenario, DemoStep } from './demo/types';
