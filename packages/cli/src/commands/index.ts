// The subcommands `qeml` knows, in the order `qeml help` lists them. One line per command.
import type { Command } from '../command';
import { analyzeCommand } from './analyze';
import { demoCommand } from './demo';
import { gateCommand } from './gate';
import { healthCommand } from './health';
import { patternsCommand } from './patterns';
import { reportCommand } from './report';
import { retryCommand } from './retry';
import { runCommand } from './run';

export const commands: Command[] = [
  runCommand,
  retryCommand,
  analyzeCommand,
  gateCommand,
  patternsCommand,
  reportCommand,
  healthCommand,
  demoCommand,
];
