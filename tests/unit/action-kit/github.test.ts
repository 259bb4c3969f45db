import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient, QEML_USER_AGENT } from '@qeml/action-kit';
import { RecordingLogger } from '../../support/recording-logger';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

type Handler = (req: Seen, res: ServerResponse) => void;

/** A loopback HTTP server whose behaviour each test sets, recording every request. */
async function startServer() {
  const seen: Seen[] = [];
  let handler: Handler = (_req, res) => json(res, 200, {});
  const server: Server = createServer((req, res) => {
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    seen.push(request);
    req.resume();
    req.on('end', () => handler(request, res));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    handle(next: Handler) {
      handler = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

let api: Awaited<ReturnType<typeof startServer>>;
let other: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  api = await startServer();
  other = await startServer();
});
afterAll(async () => {
  await api.close();
  await other.close();
});
beforeEach(() => {
  api.seen.length = 0;
  other.seen.length = 0;
});

const TOKEN = 'test-token-value';
const fast = { retryAfterBaseValue: 1, throttle: { minWriteIntervalMs: 0 } };

describe('createGitHubClient', () => {
  test('uses the base URL (GHES /api/v3), the qeml user agent and the token', async () => {
    api.handle((_req, res) => json(res, 200, { full_name: 'o/r' }));
    const client = createGitHubClient({ token: TOKEN, apiUrl: `${api.url}/api/v3/`, ...fast });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data.full_name).toBe('o/r');
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]?.url).toBe('/api/v3/repos/o/r');
    expect(api.seen[0]?.headers['user-agent']).toMatch(new RegExp(`^${QEML_USER_AGENT.replace('.', '\\.')}`));
    expect(QEML_USER_AGENT).toBe('qeml-actions/1.0.0');
    expect(api.seen[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  test('takes the base URL from GITHUB_API_URL', async () => {
    api.handle((_req, res) => json(res, 200, { login: 'me' }));
    const client = createGitHubClient({ token: TOKEN, env: { GITHUB_API_URL: api.url }, ...fast });
    await client.rest.users.getAuthenticated();
    expect(api.seen[0]?.url).toBe('/user');
  });

  test('an invalid API URL is a configuration error', () => {
    expect(() => createGitHubClient({ token: TOKEN, apiUrl: 'not a url' })).toThrow(
      /GitHub API URL "not a url" is not a URL/,
    );
  });

  test('the token is not sent to another origin after a redirect', async () => {
    api.handle((_req, res) => {
      res.writeHead(302, { location: `${other.url}/signed/log.txt?sig=abc` });
      res.end();
    });
    other.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('the log');
    });
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, ...fast });
    const response = await client.rest.actions.downloadJobLogsForWorkflowRun({
      owner: 'o',
      repo: 'r',
      job_id: 7,
    });
    expect(response.data).toBe('the log');
    expect(api.seen[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]?.url).toBe('/signed/log.txt?sig=abc');
    expect(other.seen[0]?.headers.authorization).toBeUndefined();
  });

  test('a redirect within the API origin keeps the token', async () => {
    api.handle((req, res) => {
      if (req.url === '/repos/o/old') {
        res.writeHead(301, { location: '/repos/o/new' });
        res.end();
      } else json(res, 200, { full_name: 'o/new' });
    });
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, ...fast });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'old' });
    expect(data.full_name).toBe('o/new');
    expect(api.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/repos/o/old', `token ${TOKEN}`],
      ['/repos/o/new', `token ${TOKEN}`],
    ]);
  });

  test('a request addressed to another origin goes without the token', async () => {
    other.handle((_req, res) => json(res, 200, { ok: true }));
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, ...fast });
    await client.request(`GET ${other.url}/elsewhere`);
    expect(other.seen[0]?.headers.authorization).toBeUndefined();
  });

  test('a 502 is retried', async () => {
    let calls = 0;
    api.handle((_req, res) => {
      calls++;
      if (calls <= 2) json(res, 502, { message: 'Bad Gateway' });
      else json(res, 200, { full_name: 'o/r' });
    });
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, retries: 3, ...fast });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data.full_name).toBe('o/r');
    expect(api.seen).toHaveLength(3);
  });

  test('backoff and write spacing can be shrunk through the environment (end-to-end tests)', async () => {
    let calls = 0;
    api.handle((_req, res) => (++calls === 1 ? json(res, 502, {}) : json(res, 201, { id: 2 })));
    const client = createGitHubClient({
      token: TOKEN,
      env: {
        GITHUB_API_URL: api.url,
        QEML_GITHUB_RETRY_BASE_MS: '1',
        QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0',
      },
    });
    await client.rest.issues.create({ owner: 'o', repo: 'r', title: 'a' });
    await client.rest.issues.create({ owner: 'o', repo: 'r', title: 'b' });
    expect(api.seen).toHaveLength(3);
  });

  test('server errors give up after the configured retries', async () => {
    api.handle((_req, res) => json(res, 503, { message: 'unavailable' }));
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, retries: 2, ...fast });
    await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 503 });
    expect(api.seen).toHaveLength(3);
  });

  test('a 404 is not retried', async () => {
    api.handle((_req, res) => json(res, 404, { message: 'Not Found' }));
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, ...fast });
    await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 404 });
    expect(api.seen).toHaveLength(1);
  });

  test('a secondary rate limit is retried with a warning, honouring retry-after', async () => {
    let calls = 0;
    api.handle((_req, res) => {
      calls++;
      if (calls === 1) {
        json(res, 403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '2' });
      } else json(res, 201, { id: 1 });
    });
    const logger = new RecordingLogger();
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, log: logger, ...fast });
    const { data } = await client.rest.issues.create({ owner: 'o', repo: 'r', title: 't' });
    expect(data.id).toBe(1);
    expect(api.seen).toHaveLength(2);
    expect(logger.messages('warning')).toEqual([
      `GitHub secondary rate limit hit on POST /repos/{owner}/{repo}/issues; retrying in 2s (retry 1 of 3).`,
    ]);
  });

  test('a primary rate limit gives up after the configured retries', async () => {
    api.handle((_req, res) =>
      json(
        res,
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) },
      ),
    );
    const logger = new RecordingLogger();
    const client = createGitHubClient({ token: TOKEN, apiUrl: api.url, retries: 2, log: logger, ...fast });
    await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 403 });
    expect(api.seen).toHaveLength(3);
    expect(logger.messages('warning')).toHaveLength(3);
    expect(logger.messages('warning')[2]).toMatch(
      /primary rate limit hit on GET .*; giving up after 2 retries\./,
    );
  });
});
