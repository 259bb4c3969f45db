/**
 * JUnit XML (jest-junit, pytest, Maven Surefire, ...): `<testcase>` elements counted wherever they
 * are nested; a case with `<failure>` failed, with `<error>` errored, with `<skipped>` was skipped.
 * Wall time per file when a case (pytest) or its suite (jest-junit) has a `file` attribute. Stated
 * totals: the root's, else the sum of top-level suites'.
 */
import type { TestCaseFailure, TestsResult } from '../model';
import type { Attributes, XmlHandler } from '../xml';
import { CappedList, num, type ParseContext, type Parsed, type XmlFormat } from './context';

interface Case {
  attrs: Attributes;
  file?: string;
  outcome?: { kind: 'failure' | 'error'; message?: string } | 'skipped';
  text: string;
}

export function junitHandler(context: ParseContext): XmlHandler & XmlFormat {
  const counted = { total: 0, failed: 0, errors: 0, skipped: 0 };
  const failures = new CappedList<TestCaseFailure>(context.limits.maxItems);
  const timeByFile: Record<string, number> = {};
  const suiteFiles: Array<string | undefined> = [];
  const stack: string[] = [];
  /** Each stated count, when the root (or every top-level suite) states it. */
  let stated: Partial<Record<'tests' | 'failures' | 'errors' | 'skipped', number>> | undefined;
  let rootStates = false;
  let current: Case | undefined;
  let inOutcome = false;
  const addStated = (attrs: Attributes) => {
    const tests = num(attrs.tests);
    if (tests === undefined) return;
    const first = stated === undefined;
    stated ??= {};
    const values = {
      tests,
      failures: num(attrs.failures),
      errors: num(attrs.errors),
      skipped: num(attrs.skipped ?? attrs.skips),
    };
    for (const [key, value] of Object.entries(values) as Array<[keyof typeof values, number | undefined]>) {
      // A count one suite leaves out is not stated for the file.
      if (value === undefined || (!first && stated[key] === undefined)) delete stated[key];
      else stated[key] = (stated[key] ?? 0) + value;
    }
  };
  return {
    open(name, attrs) {
      const depth = stack.length;
      stack.push(name);
      if (name === 'testsuites' && depth === 0) {
        addStated(attrs);
        rootStates = stated !== undefined;
      } else if (name === 'testsuite') {
        if (depth === 0 || (depth === 1 && stack[0] === 'testsuites' && !rootStates)) addStated(attrs);
        suiteFiles.push(attrs.file ?? suiteFiles[suiteFiles.length - 1]);
      } else if (name === 'testcase') {
        current = { attrs, file: attrs.file ?? suiteFiles[suiteFiles.length - 1], text: '' };
      } else if (current && (name === 'failure' || name === 'error')) {
        if (!current.outcome || current.outcome === 'skipped' || current.outcome.kind === 'error') {
          current.outcome = { kind: name, message: attrs.message };
        }
        inOutcome = true;
      } else if (current && name === 'skipped' && !current.outcome) current.outcome = 'skipped';
    },
    close(name) {
      stack.pop();
      if (name === 'testsuite') suiteFiles.pop();
      else if (name === 'failure' || name === 'error') inOutcome = false;
      else if (name === 'testcase' && current) {
        finishCase(current);
        current = undefined;
      }
    },
    text(text) {
      if (inOutcome && current && current.text.length < 2000) current.text += text;
    },
    result(): Parsed {
      failures.warn(context.warnings, 'test failures');
      if (stated) {
        const pairs: Array<[string, number | undefined, number]> = [
          ['tests', stated.tests, counted.total],
          ['failures', stated.failures, counted.failed],
          ['errors', stated.errors, counted.errors],
          ['skipped', stated.skipped, counted.skipped],
        ];
        const differing = pairs.filter(([, said, found]) => said !== undefined && said !== found);
        if (differing.length > 0) {
          const detail = differing.map(([what, said, found]) => `${what} ${said} vs ${found}`).join(', ');
          context.warnings.push(
            `states totals that disagree with its test cases (${detail}): the recount is used`,
          );
        }
      }
      const tests: TestsResult = { ...counted, failures: failures.items };
      if (Object.keys(timeByFile).length > 0) tests.timeByFile = timeByFile;
      return { format: 'junit', tests };
    },
  };

  function finishCase(testCase: Case): void {
    counted.total++;
    const time = num(testCase.attrs.time);
    if (testCase.file && time !== undefined) {
      const file = testCase.file.replace(/\\/g, '/');
      timeByFile[file] = (timeByFile[file] ?? 0) + time;
    }
    const outcome = testCase.outcome;
    if (outcome === 'skipped') counted.skipped++;
    else if (outcome) {
      if (outcome.kind === 'failure') counted.failed++;
      else counted.errors++;
      const failure: TestCaseFailure = { name: testCase.attrs.name ?? '', kind: outcome.kind };
      if (testCase.attrs.classname) failure.classname = testCase.attrs.classname;
      if (testCase.file) failure.file = testCase.file.replace(/\\/g, '/');
      const line = num(testCase.attrs.line);
      if (line !== undefined) failure.line = line;
      const message = outcome.message ?? testCase.text.trim().split('\n')[0];
      if (message) failure.message = message.slice(0, 500);
      failures.push(failure);
    }
  }
}
