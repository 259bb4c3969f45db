import { describe, expect, test } from '@jest/globals';
import { parseRemoteUses } from '@qeml/retry';

describe('remote actions', () => {
  test('owner/repo[/path]@ref is parsed', () => {
    expect(parseRemoteUses('octo/tools/setup/node@v2')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: 'setup/node',
      ref: 'v2',
    });
    expect(parseRemoteUses('octo/tools@main')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: '',
      ref: 'main',
    });
    expect(parseRemoteUses('./local')).toBeUndefined();
  });
});
