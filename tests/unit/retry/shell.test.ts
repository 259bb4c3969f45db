/** shell.ts: the run-step shells and custom templates. */
import { describe, expect, test } from '@jest/globals';
import { resolveShell, type ShellSpec } from '@qeml/retry';

describe('shells', () => {
  test('known names resolve to the run-step templates', () => {
    expect((resolveShell('') as ShellSpec).template).toBe('bash --noprofile --norc -eo pipefail {0}');
    expect((resolveShell('sh') as ShellSpec).template).toBe('sh -e {0}');
    expect((resolveShell('pwsh') as ShellSpec).template).toBe(`pwsh -command ". '{0}'"`);
    expect((resolveShell('python') as ShellSpec).extension).toBe('.py');
    expect((resolveShell('perl {0}') as ShellSpec).template).toBe('perl {0}');
  });

  test('unknown names, templates without {0} and Windows-only shells elsewhere are refused', () => {
    expect(resolveShell('zsh', 'linux')).toMatch(/not a known shell/);
    expect(resolveShell('cmd', 'linux')).toMatch(/only available on Windows/);
    expect(typeof resolveShell('cmd', 'win32')).toBe('object');
  });
});
