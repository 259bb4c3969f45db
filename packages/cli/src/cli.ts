import { QEML_VERSION } from '@qeml/action-kit';
import { type CliIO, type Command, EXIT_USAGE, UsageError } from './command';
import { commands as registered } from './commands/index';

function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `qeml ${QEML_VERSION}: run qeml-actions from a terminal`,
    '',
    'Usage: qeml <command> [options]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  Show this help, or a command's usage: qeml help <command>`,
    '',
    'Options: --version, --help',
  ].join('\n');
}

/** Dispatches `argv` (without node and script) to a subcommand; resolves to the exit code. */
export async function runCli(
  argv: string[],
  io: CliIO,
  commands: readonly Command[] = registered,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout.write(`${QEML_VERSION}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(`${helpText(commands)}\n`);
      return 0;
    }
    const command = commands.find((c) => c.name === topic);
    if (!command) return unknownCommand(topic, io);
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) return unknownCommand(first, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`qeml ${command.name}: ${(error as Error).message}\n\n${command.usage.trimEnd()}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function unknownCommand(name: string, io: CliIO): number {
  io.stderr.write(`qeml: unknown command "${name}". Run \`qeml help\` for the list.\n`);
  return EXIT_USAGE;
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
