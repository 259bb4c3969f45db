import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

// REST docs "Git database": "Get a commit object", "Create a commit", "Create a reference";
// "Pulls": "Create a pull request". What a revert pull request is made of.

describe('github-sim git data and new pull requests', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  test('a commit on top of a newer one with an older tree, on a new branch, in a pull request: its diff undoes the change', async () => {
    const good = gh.sim.model.addCommit('o/r', { files: { 'app.txt': 'v1', 'keep.txt': 'k' } });
    const bad = gh.sim.model.addCommit('o/r', { files: { 'app.txt': 'v2', 'new.txt': 'n' } });
    const { data: goodCommit } = await gh.octokit.rest.git.getCommit({ ...repo, commit_sha: good });
    expect(goodCommit.parents.map((p) => p.sha)).toHaveLength(1);
    const { data: revert, status } = await gh.octokit.rest.git.createCommit({
      ...repo,
      message: 'Revert to v1',
      tree: goodCommit.tree.sha,
      parents: [bad],
    });
    expect(status).toBe(201);
    expect(revert.parents.map((p) => p.sha)).toEqual([bad]);
    expect(revert.tree.sha).toBe(goodCommit.tree.sha);
    const ref = await gh.octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/revert-v2',
      sha: revert.sha,
    });
    expect(ref.data.object.sha).toBe(revert.sha);
    const pull = await gh.octokit.rest.pulls.create({
      ...repo,
      head: 'revert-v2',
      base: 'main',
      title: 'Revert',
    });
    expect(pull.status).toBe(201);
    const files = await gh.octokit.rest.pulls.listFiles({ ...repo, pull_number: pull.data.number });
    expect(files.data.map((f) => [f.filename, f.status]).sort()).toEqual([
      ['app.txt', 'modified'],
      ['new.txt', 'removed'],
    ]);
  });

  test('unknown trees, taken refs and missing branches are 422, as on GitHub', async () => {
    const head = gh.sim.model.addCommit('o/r', { files: { 'x.txt': '1' } });
    await expect(
      gh.octokit.rest.git.createCommit({ ...repo, message: 'm', tree: '0'.repeat(40), parents: [head] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      gh.octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/main', sha: head }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      gh.octokit.rest.pulls.create({ ...repo, head: 'nope', base: 'main', title: 't' }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
