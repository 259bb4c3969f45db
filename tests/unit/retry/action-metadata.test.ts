/** action.yml, the README and the input schema of the retry action tell the same story. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { readRetryConfig } from '@qeml/retry';
import { parse } from 'yaml';
import { actionDir } from '../../support/paths';

interface Parameter {
  description?: string;
  default?: string;
}
const metadata = parse(readFileSync(`${actionDir('retry')}/action.yml`, 'utf8')) as {
  inputs: Record<string, Parameter>;
  outputs: Record<string, Parameter>;
};
const readme = readFileSync(`${actionDir('retry')}/README.md`, 'utf8');

/** The rows of the first table under `## <heading>`, cells trimmed, header and rule left out. */
function tableUnder(heading: string): string[][] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  return rows.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim()),
  );
}
const unquote = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

describe('retry action metadata', () => {
  test('every input and output has a description', () => {
    for (const spec of [...Object.values(metadata.inputs), ...Object.values(metadata.outputs)]) {
      expect(spec.description?.trim()).toBeTruthy();
    }
  });

  test("the README's input table lists action.yml's inputs in order, with the same defaults", () => {
    const rows = tableUnder('Inputs');
    expect(rows.map((row) => unquote(row[0] ?? ''))).toEqual(Object.keys(metadata.inputs));
    for (const row of rows) {
      const declared = metadata.inputs[unquote(row[0] ?? '')]?.default ?? '';
      // A literal default is quoted as code; an empty one is described in words (or left blank).
      if (declared !== '') expect(row[1]).toBe(`\`${declared}\``);
      else expect(row[1]).not.toMatch(/^`/);
    }
  });

  test("the README's output table lists action.yml's outputs in order", () => {
    expect(tableUnder('Outputs').map((row) => unquote(row[0] ?? ''))).toEqual(Object.keys(metadata.outputs));
  });

  test("action.yml's defaults are the ones the action applies when an input is left out", async () => {
    const declared = Object.fromEntries(
      Object.entries(metadata.inputs)
        .filter(([name, spec]) => spec.default !== undefined && name !== 'github-token')
        .map(([name, spec]) => [name, spec.default ?? '']),
    );
    const fromDefaults = await readRetryConfig((name) => ({ ...declared, run: 'make' })[name]);
    const leftOut = await readRetryConfig((name) => ({ run: 'make' })[name]);
    expect(fromDefaults).toEqual(leftOut);
  });
});
