// What the retry action passes on to the commands and actions it runs (SECURITY.md).
import { describe, expect, test } from '@jest/globals';
import { acceptedEnv, actionEnvironment, commandEnvironment } from '../../../actions/retry/src/child-env';

const stepEnv = {
  PATH: '/usr/bin',
  GITHUB_REPOSITORY: 'o/r',
  'INPUT_GITHUB-TOKEN': 'ghs_x',
  INPUT_RUN: 'make',
  STATE_started: '1',
  ACTIONS_RUNTIME_TOKEN: 'rt',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example.test/',
  ACTIONS_CACHE_URL: 'https://cache.example.test/',
  ACTIONS_RESULTS_URL: 'https://results.example.test/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example.test/',
};

describe('child environments', () => {
  test('a command gets what a run: step gets: no inputs, no state, no JavaScript-action runtime credentials', () => {
    expect(Object.keys(commandEnvironment(stepEnv)).sort()).toEqual([
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'GITHUB_REPOSITORY',
      'PATH',
    ]);
  });

  test('an action keeps the runtime variables but none of our inputs or state', () => {
    const env = actionEnvironment(stepEnv);
    expect(env.ACTIONS_RUNTIME_TOKEN).toBe('rt');
    expect(Object.keys(env).filter((k) => /^(INPUT|STATE)_/i.test(k))).toEqual([]);
  });

  test('NODE_OPTIONS from $GITHUB_ENV is refused in any case', () => {
    expect(acceptedEnv({ node_options: '--require x', A: '1' })).toEqual({
      accepted: { A: '1' },
      refused: ['node_options'],
    });
  });
});
