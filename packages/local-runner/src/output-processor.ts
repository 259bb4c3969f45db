import { escapeData, parseWorkflowCommand, type WorkflowCommand } from '@qeml/runner-protocol';
import { bytesMayBeCommand, LineSplitter } from './line-splitter';
import type { Masker } from './masker';
import type { StepLog } from './step-log';
import type { Annotation } from './types';

/** What the `::` commands of one phase produced besides annotations and masks. */
export interface PhaseCommandEffects {
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** Reasons the phase fails although its process may exit 0 (e.g. a disabled command). */
  failures: string[];
}

const IGNORED = new Set(['echo', 'add-matcher', 'remove-matcher']);
const DISABLED = new Set(['set-env', 'add-path']);

/**
 * Turns the child's output lines into the step log, annotations, masks and command effects,
 * line by line. Plain lines are decoded only when the log still wants them.
 */
export class OutputProcessor {
  private stopToken: string | undefined;
  private effects: PhaseCommandEffects = { outputs: {}, state: {}, failures: [] };
  private readonly warnedDeprecated = new Set<string>();

  constructor(
    private readonly log: StepLog,
    private readonly masker: Masker,
    readonly annotations: Annotation[],
    /** In passthrough mode our own warnings/errors are re-emitted as commands for the real runner. */
    private readonly relay?: (line: string) => void,
  ) {}

  /** Starts a phase: deprecated-command effects are collected per phase. */
  startPhase(): PhaseCommandEffects {
    this.effects = { outputs: {}, state: {}, failures: [] };
    this.warnedDeprecated.clear();
    return this.effects;
  }

  /** A splitter feeding this processor; one per child stream (stdout, stderr). */
  splitter(): LineSplitter {
    return new LineSplitter((bytes, continuation) => this.line(bytes, continuation));
  }

  warn(message: string): void {
    this.own('warning', message);
  }

  /** Records an error of our own (file-command problems, timeouts) as the runner would. */
  error(message: string): void {
    this.own('error', message);
  }

  private own(level: 'warning' | 'error', message: string): void {
    const masked = this.masker.mask(message);
    this.annotations.push({ level, message: masked });
    this.log.add(`##[${level}]${masked}`);
    this.relay?.(`::${level}::${escapeData(masked)}`);
  }

  private line(bytes: Buffer, continuation: boolean): void {
    if (continuation || !bytesMayBeCommand(bytes)) {
      if (this.log.wantsText) this.log.add(this.masker.mask(bytes.toString('utf8')));
      else this.log.skip(bytes.length);
      return;
    }
    const text = bytes.toString('utf8');
    const command = parseWorkflowCommand(text);
    if (!command || !this.run(command)) this.log.add(this.masker.mask(text));
  }

  /** Applies a command; false when the line is not a command the runner knows (log it as text). */
  private run(command: WorkflowCommand): boolean {
    const { name, properties, message } = command;
    if (this.stopToken !== undefined) {
      if (name !== this.stopToken) return false;
      this.stopToken = undefined;
      return true;
    }
    switch (name) {
      case 'error':
      case 'warning':
      case 'notice':
        this.annotations.push(this.annotation(name, message, properties));
        this.log.add(`##[${name}]${this.masker.mask(message)}`);
        return true;
      case 'debug':
        this.log.add(`##[debug]${this.masker.mask(message)}`);
        return true;
      case 'group':
        this.log.add(`##[group]${this.masker.mask(message)}`);
        return true;
      case 'endgroup':
        this.log.add('##[endgroup]');
        return true;
      case 'add-mask':
        this.masker.add(message);
        return true;
      case 'stop-commands':
        if (message === '') this.fail('Invalid stop-commands token: it must not be empty');
        else this.stopToken = message;
        return true;
      case 'set-output':
      case 'save-state':
        return this.deprecated(name, properties.name, message);
      default:
        if (DISABLED.has(name)) {
          this.fail(
            `The \`${name}\` command is disabled. Please upgrade to using Environment Files ` +
              '(local-runner does not honour ACTIONS_ALLOW_UNSECURE_COMMANDS)',
          );
          return true;
        }
        return IGNORED.has(name);
    }
  }

  private deprecated(name: 'set-output' | 'save-state', key: string | undefined, value: string): boolean {
    if (!this.warnedDeprecated.has(name)) {
      this.warnedDeprecated.add(name);
      this.warn(
        `The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.`,
      );
    }
    if (!key) {
      this.fail(`Invalid ${name} command: the 'name' property is required`);
      return true;
    }
    (name === 'set-output' ? this.effects.outputs : this.effects.state)[key] = value;
    return true;
  }

  private fail(message: string): void {
    this.effects.failures.push(message);
    this.annotations.push({ level: 'error', message: this.masker.mask(message) });
    this.log.add(`##[error]${this.masker.mask(message)}`);
  }

  private annotation(
    level: Annotation['level'],
    message: string,
    properties: Record<string, string>,
  ): Annotation {
    const annotation: Annotation = { level, message: this.masker.mask(message) };
    if (properties.file) annotation.file = properties.file;
    if (properties.title) annotation.title = this.masker.mask(properties.title);
    const numbers = { line: 'line', endline: 'endLine', col: 'col', endcolumn: 'endColumn' } as const;
    for (const [property, key] of Object.entries(numbers)) {
      const text = properties[property];
      if (text !== undefined && /^\d+$/.test(text.trim())) annotation[key] = Number(text.trim());
    }
    return annotation;
  }
}
