import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

// REST docs "Compare two commits" (250 commits without paging, 300 files, files on the first page
// only when paging), "List pull requests files" (at most 3000 files), and the diff-entry schema
// (`patch`, `previous_filename` for a rename).

describe('github-sim caps and paging of commits and files', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  test('a pull request lists at most 3000 files', async () => {
    gh.sim.model.addBranch('o/r', 'huge');
    const files = Object.fromEntries(
      Array.from({ length: 3005 }, (_, i) => [`gen/f${String(i).padStart(4, '0')}.txt`, `${i}\n`]),
    );
    gh.sim.model.addCommit('o/r', { branch: 'huge', files });
    const number = gh.sim.model.addPullRequest('o/r', { head: 'huge' });
    const listed = await gh.octokit.paginate(gh.octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    expect(listed).toHaveLength(3000);
  });

  test('compare: at most 250 commits (the newest) and 300 files; paging pages commits and sends files on page 1 only', async () => {
    gh.sim.model.addBranch('o/r', 'long');
    let head = '';
    for (let i = 0; i < 260; i += 1) {
      head = gh.sim.model.addCommit('o/r', {
        branch: 'long',
        files: {
          [`many/c${String(i).padStart(3, '0')}.txt`]: `${i}\n`,
          ...(i === 0
            ? Object.fromEntries(Array.from({ length: 60 }, (_, j) => [`extra/e${j}.txt`, 'x\n']))
            : {}),
        },
      });
    }
    const { data: whole } = await gh.octokit.rest.repos.compareCommits({
      ...repo,
      base: 'main',
      head: 'long',
    });
    expect(whole.total_commits).toBe(260);
    expect(whole.commits).toHaveLength(250);
    expect(whole.commits.at(-1)?.sha).toBe(head);
    expect(whole.files).toHaveLength(300);

    const page1 = await gh.octokit.rest.repos.compareCommits({
      ...repo,
      base: 'main',
      head: 'long',
      per_page: 100,
      page: 1,
    });
    expect(page1.data.commits).toHaveLength(100);
    expect(page1.data.files).toHaveLength(300);
    expect(page1.headers.link).toContain('rel="next"');
    const page3 = await gh.octokit.rest.repos.compareCommits({
      ...repo,
      base: 'main',
      head: 'long',
      per_page: 100,
      page: 3,
    });
    expect(page3.data.commits).toHaveLength(60);
    expect(page3.data.files).toBeUndefined();
  });

  test('file entries carry a unified-diff patch, and a rename its previous_filename', async () => {
    gh.sim.model.addBranch('o/r', 'edit');
    gh.sim.model.addCommit('o/r', {
      branch: 'edit',
      files: { 'README.md': null, 'docs/README.md': '# r\n', 'src/app.py': 'print(1)\nprint(2)\n' },
    });
    const { data } = await gh.octokit.rest.repos.compareCommits({ ...repo, base: 'main', head: 'edit' });
    const renamed = data.files?.find((f) => f.filename === 'docs/README.md');
    expect(renamed).toMatchObject({
      status: 'renamed',
      previous_filename: 'README.md',
      additions: 0,
      deletions: 0,
    });
    const added = data.files?.find((f) => f.filename === 'src/app.py');
    expect(added).toMatchObject({
      status: 'added',
      additions: 2,
      deletions: 0,
      patch: '@@ -0,0 +1,2 @@\n+print(1)\n+print(2)',
    });
  });
});
