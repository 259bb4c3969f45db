import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readActionMetadata, runLocalAction } from '@qeml/local-runner';
import { fixture, tempDirectory } from './fixture-paths';

describe('readActionMetadata', () => {
  test('reads inputs, outputs and runs from action.yml', () => {
    const metadata = readActionMetadata(fixture('full'));
    expect(metadata.file).toBe(join(fixture('full'), 'action.yml'));
    expect(metadata.name).toBe('Full fixture');
    expect(metadata.inputs['max-retries']).toEqual({
      description: 'an input whose name has a hyphen',
      default: '3',
    });
    expect(metadata.inputs.legacy?.deprecationMessage).toBe('use max-retries instead');
    expect(metadata.outputs.notes).toEqual({ description: 'a multi-line output' });
    expect(metadata.runs).toEqual({ using: 'node20', pre: 'pre.mjs', main: 'index.mjs', post: 'post.mjs' });
  });

  test('falls back to action.yaml and accepts the file itself', () => {
    expect(readActionMetadata(fixture('hello')).file).toBe(join(fixture('hello'), 'action.yaml'));
    expect(readActionMetadata(join(fixture('hello'), 'action.yaml')).name).toBe('Hello fixture');
  });

  test('refuses docker and composite actions with a clear error', async () => {
    expect(() => readActionMetadata(fixture('docker'))).toThrow(
      /'runs.using' is 'docker': only JavaScript actions \(runs.using node12, node16, node20 or node24\) can be run this way/,
    );
    await expect(runLocalAction({ action: fixture('docker') })).rejects.toThrow(/docker and composite/);
  });

  test('names the missing file, key or problem', () => {
    const root = tempDirectory();
    expect(() => readActionMetadata(root)).toThrow(/Can't find 'action.yml' or 'action.yaml'/);
    expect(() => readActionMetadata(join(root, 'nope'))).toThrow(/does not exist/);
    const noMain = join(root, 'no-main');
    mkdirSync(noMain);
    writeFileSync(join(noMain, 'action.yml'), 'name: x\nruns:\n  using: node20\n');
    expect(() => readActionMetadata(noMain)).toThrow(/'runs.main' is required/);
    const badYaml = join(root, 'bad-yaml');
    mkdirSync(badYaml);
    writeFileSync(join(badYaml, 'action.yml'), 'runs: [unclosed\n');
    expect(() => readActionMetadata(badYaml)).toThrow(/invalid YAML/);
  });
});
