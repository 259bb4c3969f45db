import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { formatCommand, parseWorkflowCommand, type WorkflowCommand } from '@qeml/runner-protocol';
import { checkedPosition, relativeToWorkspace } from './annotation-position';
import { setIgnoringCase } from './case-insensitive';
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

/** The runner's registered commands (ActionCommandManager.cs); other `::x::` lines are plain output. */
const REGISTERED = new Set([
  'stop-commands',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'add-mask',
  'echo',
  'set-output',
  'save-state',
  'set-env',
  'add-path',
  'add-matcher',
  'remove-matcher',
]);
const DISABLED = new Set(['set-env', 'add-path']);
/** Commands the runner never echoes with `::echo::on` (their extensions set OmitEcho). */
const OMIT_ECHO = new Set(['add-mask', 'debug', 'error', 'warning', 'notice']);
/** The runner keeps at most this many annotations per level and step, and cuts messages here (ExecutionContext.cs). */
const MAX_ANNOTATIONS_PER_LEVEL = 10;
const MAX_ANNOTATION_LENGTH = 4096;

/**
 * Turns the child's output lines into the step log, annotations, masks and command effects,
 * line by line. Plain lines are decoded only when the log still wants them.
 */
export class OutputProcessor {
  private stopToken: string | undefined;
  /** `::echo::on`: processed commands are also written to the log as they came (off by default). */
  private echo = false;
  private effects: PhaseCommandEffects = { outputs: {}, state: {}, failures: [] };
  private readonly warnedDeprecated = new Set<string>();
  /** Annotations kept per level in this phase (each phase is a step of its own on the runner). */
  private kept = { error: 0, warning: 0, notice: 0 };

  constructor(
    private readonly log: StepLog,
    private readonly masker: Masker,
    readonly annotations: Annotation[],
    /** GITHUB_WORKSPACE: annotation files are made relative to it, add-matcher files found in it. */
    private readonly workspace: string,
    /** In passthrough mode our own warnings/errors are re-emitted as commands for the real runner. */
    private readonly relay?: (line: string) => void,
  ) {}

  /** Starts a phase: command effects are collected per phase. */
  startPhase(): PhaseCommandEffects {
    this.effects = { outputs: {}, state: {}, failures: [] };
    this.warnedDeprecated.clear();
    // Each phase is a step with its own command manager (Handler.cs): no stop token or echo carries over.
    this.stopToken = undefined;
    this.echo = false;
    this.kept = { error: 0, warning: 0, notice: 0 };
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
    this.addAnnotation({ level, message: masked });
    this.relay?.(formatCommand(level, masked));
  }

  private line(bytes: Buffer, continuation: boolean): void {
    if (continuation || !bytesMayBeCommand(bytes)) {
      if (this.log.wantsText) this.log.add(this.masker.mask(bytes.toString('utf8')));
      else this.log.skip(bytes.length);
      return;
    }
    const text = bytes.toString('utf8');
    const command = parseWorkflowCommand(text);
    if (!command || !this.run(command, text)) this.log.add(this.masker.mask(text));
  }

  /** Applies a command; false when the line is not a command the runner knows (log it as text). */
  private run(command: WorkflowCommand, line: string): boolean {
    const { properties, message } = command;
    const name = command.name.toLowerCase(); // the runner matches names case-insensitively
    if (this.stopToken !== undefined) {
      if (name !== this.stopToken.toLowerCase()) return false;
      this.stopToken = undefined;
      this.log.add(this.masker.mask(line)); // the runner logs the resume line
      return true;
    }
    if (!REGISTERED.has(name)) return false;
    if (this.echo && !OMIT_ECHO.has(name) && name !== 'stop-commands') this.log.add(this.masker.mask(line));
    switch (name) {
      case 'error':
      case 'warning':
      case 'notice':
        this.addAnnotation(this.annotation(name, message, properties));
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
        if (message.trim() === '') {
          this.warn("Can't add secret mask for empty string in ##[add-mask] command.");
          return true;
        }
        if (this.echo) this.log.add('::add-mask::***');
        this.masker.add(message);
        return true;
      case 'stop-commands':
        // The runner logs the line; a token over 6 characters is masked in it.
        if (this.stopCommands(message)) this.log.add(this.masker.mask(line));
        return true;
      case 'echo': {
        const value = message.trim().toLowerCase();
        if (value === 'on' || value === 'off') this.echo = value === 'on';
        else
          this.failCommand(
            command,
            `Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${message}'.`,
          );
        return true;
      }
      case 'add-matcher':
        if (message === '') this.warn('File path must be specified.');
        else if (!existsSync(isAbsolute(message) ? message : join(this.workspace, message)))
          this.failCommand(command, `Could not find file '${message}'.`);
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
        }
        return true; // remove-matcher: nothing to remove here
    }
  }

  /** A token that is empty, `pause-logging` or a command name fails the step; a long one is masked. */
  private stopCommands(token: string): boolean {
    if (token === '' || token.toLowerCase() === 'pause-logging' || REGISTERED.has(token.toLowerCase())) {
      this.fail(
        "You cannot use a endToken that is an empty string, the string 'pause-logging', or another " +
          'workflow command. (local-runner does not honour ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS)',
      );
      return false;
    }
    if (token.length > 6) this.masker.add(token);
    this.stopToken = token;
    return true;
  }

  private failCommand(command: WorkflowCommand, why: string): void {
    this.fail(`Unable to process command '::${command.name}::${command.message}' successfully. ${why}`);
  }

  /** Logs and keeps an annotation as the runner does: its message cut at 4096 characters, 10 per level. */
  private addAnnotation(annotation: Annotation): void {
    annotation.message = annotation.message.slice(0, MAX_ANNOTATION_LENGTH);
    this.log.add(`##[${annotation.level}]${annotation.message}`);
    if (this.kept[annotation.level] >= MAX_ANNOTATIONS_PER_LEVEL) return;
    this.kept[annotation.level]++;
    this.annotations.push(annotation);
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
    setIgnoringCase(name === 'set-output' ? this.effects.outputs : this.effects.state, key, value);
    return true;
  }

  private fail(message: string): void {
    this.effects.failures.push(message);
    this.addAnnotation({ level: 'error', message: this.masker.mask(message) });
  }

  private annotation(
    level: Annotation['level'],
    message: string,
    properties: Record<string, string>,
  ): Annotation {
    const annotation: Annotation = { level, message: this.masker.mask(message) };
    const file = properties.file ? relativeToWorkspace(properties.file, this.workspace) : undefined;
    if (file) annotation.file = file;
    if (properties.title) annotation.title = this.masker.mask(properties.title);
    Object.assign(annotation, checkedPosition(properties));
    return annotation;
  }
}
