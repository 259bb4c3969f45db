// A Logger that records every call, for tests of engines (which log only through their deps.logger).
import type { AnnotationProperties, Logger } from '@qeml/action-kit';

export interface LoggedCall {
  level: 'debug' | 'info' | 'warning' | 'error' | 'group' | 'endgroup';
  message: string;
  properties?: AnnotationProperties;
}

export class RecordingLogger implements Logger {
  readonly calls: LoggedCall[] = [];

  debug(message: string): void {
    this.calls.push({ level: 'debug', message });
  }

  info(message: string): void {
    this.calls.push({ level: 'info', message });
  }

  warning(message: string, properties?: AnnotationProperties): void {
    this.calls.push({ level: 'warning', message, ...(properties ? { properties } : {}) });
  }

  error(message: string, properties?: AnnotationProperties): void {
    this.calls.push({ level: 'error', message, ...(properties ? { properties } : {}) });
  }

  /** Records `group` on entry and `endgroup` on exit (also when `fn` throws), like the runner's markers. */
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.calls.push({ level: 'group', message: name });
    try {
      return await fn();
    } finally {
      this.calls.push({ level: 'endgroup', message: name });
    }
  }

  /** The messages logged at one level, in order. */
  messages(level: LoggedCall['level']): string[] {
    return this.calls.filter((call) => call.level === level).map((call) => call.message);
  }
}
