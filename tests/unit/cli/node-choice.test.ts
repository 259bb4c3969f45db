// `pnpm demo` on a fresh machine (Node 20 only) must run: the CLI falls back to its own Node.
import { describe, expect, test } from '@jest/globals';
import { nodeForTerminal } from '../../../packages/cli/src/node-choice';
import { withTempDir, writeFiles } from '../../support/temp';

describe('the Node qeml runs an action with', () => {
  test('with no Node of the version runs.using names, this one, with a note saying so', async () => {
    await withTempDir(async (dir) => {
      const other = Number(process.versions.node.split('.')[0]) === 24 ? 'node20' : 'node24';
      await writeFiles(dir, { 'a/action.yml': `name: a\nruns:\n  using: ${other}\n  main: i.js\n` });
      const notes: string[] = [];
      const node = nodeForTerminal(
        `${dir}/a`,
        { PATH: '/nonexistent', QEML_NODE20: '/nonexistent', QEML_NODE24: '/nonexistent' },
        (text) => notes.push(text),
        dir,
      );
      expect(node).toBe(process.execPath);
      expect(notes.join('\n')).toMatch(
        new RegExp(`runs.using is ${other} but no such Node was found.*running with this Node`),
      );
    });
  });

  test('a matching Node is used without a note', async () => {
    await withTempDir(async (dir) => {
      const mine = Number(process.versions.node.split('.')[0]) === 24 ? 'node24' : 'node20';
      await writeFiles(dir, { 'a/action.yml': `name: a\nruns:\n  using: ${mine}\n  main: i.js\n` });
      const notes: string[] = [];
      expect(nodeForTerminal(`${dir}/a`, {}, (text) => notes.push(text), dir)).toBe(process.execPath);
      expect(notes).toEqual([]);
    });
  });
});
