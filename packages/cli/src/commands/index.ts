// The subcommands `qeml` knows, in the order `qeml help` lists them. One line per command.
import type { Command } from '../command';
import { analyzeCommand } from './analyze';
import { demoCommand } from './demo';
import { gateCommand } from './gate';
import { healthCommand } from './health';
import { patternsCommand } from './patterns';
import { preflightCommand } from './preflight';
import { reportCommand } from './report';
import { retryCommand } from './retry';
import { promoteCommand, rollbackCommand, verifyCommand } from './rollback';
import { runCommand } from './run';

export const commands: Command[] = [
  runCommand,
  retryCommand,
  preflightCommand,
  verifyCommand,
  rollbackCommand,
  promoteCommand,
  analyzeCommand,
  gateCommand,
  patternsCommand,
  reportCommand,
  healthCommand,
  demoCommand,
];
