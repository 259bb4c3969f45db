// The release workflow's write token never meets project code: the security review found the
// `contents: write` job installing dependencies and running the tests with persisted credentials.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { repoRoot } from '../support/paths';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  needs?: string | string[];
  steps: Step[];
}

const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const jobs = Object.entries(workflow.jobs);
const writers = jobs.filter(([, job]) => job.permissions?.contents === 'write');
const readers = jobs.filter(([, job]) => job.permissions?.contents !== 'write');

describe('release workflow', () => {
  test('the workflow default is read-only and exactly one job may write', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(writers.map(([name]) => name)).toEqual(['publish']);
  });

  test('the writing job installs, builds and runs nothing of the project, and restores no cache', () => {
    const [, publish] = writers[0] ?? [];
    const runs = (publish?.steps ?? []).map((step) => step.run ?? '').join('\n');
    expect(runs).not.toMatch(/\b(pnpm|npm|npx|yarn|node|tsx)\b/);
    const uses = (publish?.steps ?? []).map((step) => step.uses ?? '');
    expect(uses.some((u) => /setup-node|action-setup|actions\/cache/.test(u))).toBe(false);
    expect(publish?.needs).toBe('build');
  });

  test('the jobs that run project code do not persist the checkout credentials nor cache dependencies', () => {
    for (const [, job] of readers) {
      for (const step of job.steps) {
        if (step.uses?.startsWith('actions/checkout@'))
          expect(step.with?.['persist-credentials']).toBe(false);
        if (step.uses?.startsWith('actions/setup-node@')) expect(step.with?.cache).toBeUndefined();
      }
    }
  });

  test('every third-party action is pinned to a commit', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps) if (step.uses) expect(step.uses.split(' ')[0]).toMatch(/@[0-9a-f]{40}$/);
    }
  });
});
