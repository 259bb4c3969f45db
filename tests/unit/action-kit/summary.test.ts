import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_SUMMARY_LIMIT_BYTES,
  escapeCell,
  Redactor,
  Summary,
  type SummaryWriter,
  statusMark,
  writeJobSummary,
} from '@qeml/action-kit';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('Summary builder', () => {
  test('renders headings, paragraphs, lists, details and status marks', () => {
    const markdown = new Summary({ redactor: new Redactor() })
      .heading('Retry', 2)
      .status('pass', 'Succeeded on attempt 2')
      .paragraph('Some **bold** text')
      .list(['one', 'two\nlines'])
      .details('Attempt <1>', 'log here')
      .render();
    expect(markdown).toBe(
      [
        '## Retry',
        '✅ Succeeded on attempt 2',
        'Some **bold** text',
        '- one\n- two lines',
        '<details><summary>Attempt &lt;1&gt;</summary>\n\nlog here\n\n</details>',
      ].join('\n\n') + '\n',
    );
  });

  test('status marks', () => {
    expect(['pass', 'fail', 'warn', 'skip', 'info'].map((s) => statusMark(s as 'pass'))).toEqual([
      '✅',
      '❌',
      '⚠️',
      '⏭️',
      'ℹ️',
    ]);
  });

  test('table cells escape pipes and newlines', () => {
    const markdown = new Summary({ redactor: new Redactor() })
      .table(['Name', 'Value'], [['a|b', 'line1\nline2'], [1, true], ['only one']])
      .render();
    expect(markdown).toBe(
      '| Name | Value |\n| --- | --- |\n| a\\|b | line1<br>line2 |\n| 1 | true |\n| only one |  |\n',
    );
    expect(escapeCell('x\r\ny|z')).toBe('x<br>y\\|z');
  });

  test('code fence is longer than any backtick run inside', () => {
    const markdown = new Summary({ redactor: new Redactor() }).code('a ``` b ```` c', 'sh').render();
    expect(markdown).toBe('`````sh\na ``` b ```` c\n`````\n');
    expect(new Summary().code('plain').render()).toBe('```\nplain\n```\n');
  });

  test('everything added is redacted', () => {
    const redactor = new Redactor().add('hunter2-secret');
    const token = `ghp_${'a1'.repeat(20)}`;
    const markdown = new Summary({ redactor })
      .heading(`token ${token}`)
      .paragraph('pw hunter2-secret')
      .table(['k'], [[`https://u:hunter2-secret@x.io`]])
      .code(token)
      .details(token, token)
      .list([token])
      .render();
    expect(markdown).not.toContain('hunter2-secret');
    expect(markdown).not.toContain(token);
    expect(markdown).toContain('https://***@x.io');
  });

  test('an empty summary renders nothing', () => {
    const summary = new Summary();
    expect(summary.isEmpty()).toBe(true);
    expect(summary.render()).toBe('');
  });
});

describe('size cap', () => {
  test('default limit is under the runner 1 MiB cap', () => {
    expect(DEFAULT_SUMMARY_LIMIT_BYTES).toBeLessThan(1024 * 1024);
  });

  test('cuts at a block boundary with a note saying how much was cut', () => {
    const summary = new Summary({ redactor: new Redactor() });
    const block = 'é'.repeat(10_000); // 20 000 bytes of two-byte characters
    for (let i = 0; i < 100; i++) summary.paragraph(`${i} ${block}`);
    const markdown = summary.render();
    expect(bytes(markdown)).toBeLessThanOrEqual(DEFAULT_SUMMARY_LIMIT_BYTES);
    const parts = markdown.trimEnd().split('\n\n');
    const note = parts.pop() ?? '';
    expect(note).toMatch(
      /^> ⚠️ Summary truncated: [\d.]+ (KiB|MiB) cut to stay under GitHub's 1.0 MiB job summary limit\.$/,
    );
    // whole blocks only, in order
    for (const [i, part] of parts.entries()) expect(part).toBe(`${i} ${block}`);
    expect(parts.length).toBe(Math.floor((DEFAULT_SUMMARY_LIMIT_BYTES - 256) / 20_005));
  });

  test('a single huge code block is cut at a line and its fence stays closed', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(50)}`).join('\n');
    const markdown = new Summary({ limitBytes: 10_000, redactor: new Redactor() })
      .heading('Log')
      .code(lines)
      .render();
    expect(bytes(markdown)).toBeLessThanOrEqual(10_000);
    expect(markdown).toMatch(/^## Log\n\n```\nline 0 x+\n(line \d+ x+\n)+```\n\n> ⚠️ Summary truncated: /);
  });

  test('a configurable limit', () => {
    const summary = new Summary({ limitBytes: 1000, redactor: new Redactor() });
    summary.paragraph('short');
    summary.paragraph('y'.repeat(2000));
    const markdown = summary.render();
    expect(markdown.startsWith('short\n\n> ⚠️ Summary truncated: 2.0 KiB cut')).toBe(true);
  });
});

describe('writeJobSummary', () => {
  test('appends the rendered markdown through runner.summary', async () => {
    const written: string[] = [];
    let writes = 0;
    const writer: SummaryWriter = {
      addRaw(text) {
        written.push(text);
        return writer;
      },
      async write() {
        writes++;
        return writer;
      },
    };
    await writeJobSummary(new Summary().heading('Hi'), writer);
    await writeJobSummary(new Summary(), writer);
    expect(written).toEqual(['## Hi\n']);
    expect(writes).toBe(1);
  });
});
