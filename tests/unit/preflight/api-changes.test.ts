// Preflight against github-sim: the PR file list (paginated; past the API's 3000-file cap it reads
// git instead), the duplicate-run skip (one request), the API budget from GET /rate_limit.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createPreflightApi, type RunEvent, runPreflight } from '@qeml/preflight';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { actionClient, simWithRepo } from '../github-sim/client';
import { changesOnly, TestRepo, testConfig, testDeps } from './helpers';

const gh = simWithRepo();
let dir: string;
let repo: TestRepo;
let base: string;

beforeAll(async () => {
  dir = await makeTempDir('qeml-preflight-api-');
  repo = TestRepo.init(dir);
  base = repo.commit({ 'README.md': '# r\n' });
});
afterAll(() => removeTempDir(dir));

const manyFiles = (n: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`${prefix}/f${String(i).padStart(4, '0')}.py`, `${i}\n`]),
  );

/** The same change in the sim's o/r (for the API) and in the local clone (for git); returns the PR event. */
function pullRequest(
  branch: string,
  files: Record<string, string>,
  extra: Record<string, unknown> = {},
): RunEvent {
  gh.sim.model.addBranch('o/r', branch);
  gh.sim.model.addCommit('o/r', { branch, files });
  const number = gh.sim.model.addPullRequest('o/r', { head: branch });
  repo.git('checkout', '-q', '-b', branch, base);
  const head = repo.commit(files, branch);
  repo.git('checkout', '-q', 'main');
  return {
    name: 'pull_request',
    sha: head,
    payload: { pull_request: { number, base: { sha: base }, head: { sha: head }, ...extra } },
  };
}

const fileRequests = (number: number) =>
  gh.sim.requests.filter((r) => r.path === `/repos/o/r/pulls/${number}/files`);

describe('pull request files', () => {
  test('come from the API, page by page (100 a page)', async () => {
    const event = pullRequest('pages', manyFiles(250, 'src'));
    const number = Number((event.payload.pull_request as { number: number }).number);
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const result = await runPreflight(changesOnly(), { kind: 'event', event }, testDeps(dir, { api }));
    expect(result.changes.via).toBe('api');
    expect(result.changes.files).toHaveLength(250);
    expect(fileRequests(number).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  test('a PR with 3500 files: the API stops at 3000, so the list comes from git', async () => {
    const event = pullRequest('huge', manyFiles(3500, 'gen'));
    const number = Number((event.payload.pull_request as { number: number }).number);
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const deps = testDeps(dir, { api });
    const result = await runPreflight(changesOnly(), { kind: 'event', event }, deps);
    expect(result.changes.via).toBe('git');
    expect(result.changes.files).toHaveLength(3500);
    expect(result.changes.how).toContain("past the API's 3000-file cap");
    expect(fileRequests(number)).toHaveLength(30);
    expect(deps.logger.messages('info')).toContain(
      `The API lists at most 3000 files of a pull request: reading pull request #${number} (${base.slice(0, 7)}...${event.sha.slice(0, 7)}) from git.`,
    );
  });

  test('when the event already counts more than 3000 files, git is read without asking the API', async () => {
    const event = pullRequest('counted', manyFiles(3001, 'big'), { changed_files: 3001 });
    const number = Number((event.payload.pull_request as { number: number }).number);
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const result = await runPreflight(changesOnly(), { kind: 'event', event }, testDeps(dir, { api }));
    expect(result.changes.files).toHaveLength(3001);
    expect(fileRequests(number)).toHaveLength(0);
  });
});

describe('skip-duplicate', () => {
  const runsRequests = () =>
    gh.sim.requests.filter((r) => r.path === '/repos/o/r/actions/workflows/ci.yml/runs');

  test('a successful run on the same tree: should-run false, in one request', async () => {
    gh.sim.model.addWorkflow('o/r', { name: 'ci', path: '.github/workflows/ci.yml' });
    const tree = repo.git('rev-parse', 'main^{tree}');
    const earlier = gh.sim.model.addRun('o/r', {
      workflow: 'ci.yml',
      status: 'completed',
      conclusion: 'success',
      treeId: tree,
    });
    gh.sim.model.addRun('o/r', {
      workflow: 'ci.yml',
      status: 'completed',
      conclusion: 'success',
      treeId: 'f'.repeat(40),
    });
    const before = runsRequests().length;
    const event: RunEvent = { name: 'workflow_dispatch', sha: repo.head('main'), payload: {} };
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const config = changesOnly({ skipDuplicate: true });
    const result = await runPreflight(
      config,
      { kind: 'event', event, workflow: 'ci.yml', runId: 999_999 },
      testDeps(dir, { api }),
    );
    expect(result.shouldRun).toBe(false);
    expect(result.duplicate?.id).toBe(earlier.id);
    expect(result.reason).toBe(`run ${earlier.id} already succeeded on the same tree`);
    expect(runsRequests().length - before).toBe(1);
    expect(runsRequests().at(-1)?.query).toMatchObject({ status: 'success', per_page: '100' });
  });

  test('no successful run on this tree: the matrix runs', async () => {
    repo.git('checkout', '-q', '-b', 'fresh-tree', base);
    const sha = repo.commit({ 'new.txt': 'n\n' });
    repo.git('checkout', '-q', 'main');
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const event: RunEvent = { name: 'workflow_dispatch', sha, payload: {} };
    const result = await runPreflight(
      changesOnly({ skipDuplicate: true }),
      { kind: 'event', event, workflow: 'ci.yml' },
      testDeps(dir, { api }),
    );
    expect(result.shouldRun).toBe(true);
    expect(result.duplicate).toBeUndefined();
  });
});

describe('API budget', () => {
  test('reads GET /rate_limit and warns when less is left than the run needs', async () => {
    const api = createPreflightApi(actionClient(gh.sim), 'o', 'r');
    const config = testConfig();
    for (const id of Object.keys(config.checks.severities))
      if (id !== 'api-budget') config.checks.severities[id as 'workflows'] = 'off';
    const event: RunEvent = { name: 'schedule', sha: base, payload: {} };
    const ok = await runPreflight(config, { kind: 'event', event }, testDeps(dir, { api }));
    expect(ok.checks[0]).toMatchObject({ id: 'api-budget', result: 'pass' });
    expect(ok.checks[0]?.detail).toMatch(/^\d+ of 1000 requests left \(needs 100\)/);
    const greedy = await runPreflight(
      { ...config, checks: { ...config.checks, minApiRequests: 5000 } },
      { kind: 'event', event },
      testDeps(dir, { api }),
    );
    expect(greedy.checks[0]).toMatchObject({ id: 'api-budget', result: 'warn' });
    expect(greedy.checks[0]?.problems[0]?.message).toMatch(/^only \d+ of 1000 requests left \(needs 5000\)/);
  });
});
