// A stand-in for a deployed web service, used by the rollback demo and tests: it serves GET /health
// on 127.0.0.1 according to the release deployed to it, and deploy/rollback/traffic/switch
// commands change that release with a POST (curl), as a real platform's CLI would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a release answers /health. `flap` alternates healthy and 503. */
export type Behaviour =
  | { kind: 'healthy'; delayMs?: number }
  | { kind: 'broken'; status?: number }
  | { kind: 'flap' }
  | { kind: 'slow'; delayMs: number }
  /** Healthy on its own (the preview), broken once it takes the live traffic. */
  | { kind: 'fails-under-traffic' };

export interface DemoService {
  url: string;
  /** GET /health of the live release (blue-green: the live colour). */
  healthUrl: string;
  /** GET /preview: the idle colour's release (blue-green). */
  previewUrl: string;
  /** `curl` lines that deploy $VAR, stage $VAR (canary / idle colour), set the canary weight, switch colours. */
  deployCommand(variable: string): string;
  stageCommand(variable: string): string;
  trafficCommand: string;
  switchCommand: string;
  /** Releases by SHA (unknown: healthy). */
  releases: Map<string, Behaviour>;
  state: {
    live: string;
    previous: string;
    canary: string;
    weight: number;
    hits: number;
    history: string[];
    /** Authorization headers the health checks sent. */
    authorizations: string[];
  };
  close(): Promise<void>;
  /** Lets the process exit while the service still listens (for the demo, which has no teardown). */
  detach(): void;
}

function answer(
  behaviour: Behaviour | undefined,
  hit: number,
): { status: number; body: string; delayMs: number } {
  const ok = (delayMs = 0) => ({ status: 200, body: JSON.stringify({ status: 'ok' }), delayMs });
  switch (behaviour?.kind) {
    case 'broken':
    case 'fails-under-traffic':
      return {
        status: (behaviour.kind === 'broken' && behaviour.status) || 503,
        body: JSON.stringify({ status: 'down' }),
        delayMs: 0,
      };
    case 'flap':
      return hit % 2 === 0 ? ok() : { status: 503, body: JSON.stringify({ status: 'down' }), delayMs: 0 };
    case 'slow':
      return ok(behaviour.delayMs);
    default:
      return ok(behaviour?.delayMs);
  }
}

export async function startDemoService(initial: string): Promise<DemoService> {
  const releases = new Map<string, Behaviour>();
  const state = {
    live: initial,
    previous: initial,
    canary: '',
    weight: 0,
    hits: 0,
    history: [] as string[],
    authorizations: [] as string[],
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: string, delayMs = 0) => {
      setTimeout(() => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body);
      }, delayMs);
    };
    if (request.method === 'POST') {
      const value = url.searchParams.get('value') ?? '';
      state.history.push(`${url.pathname} ${value}`);
      if (url.pathname === '/_deploy') {
        state.previous = state.live;
        state.live = value;
      } else if (url.pathname === '/_stage') state.canary = value;
      else if (url.pathname === '/_weight') state.weight = Number(value);
      else if (url.pathname === '/_switch') {
        if (value === 'new') [state.previous, state.live] = [state.live, state.canary];
        else [state.live, state.canary] = [state.previous, state.live];
      }
      reply(204, '');
      return;
    }
    const hit = state.hits++;
    if (request.headers.authorization) state.authorizations.push(request.headers.authorization);
    if (url.pathname === '/health') {
      // A canary: the new release answers in proportion to its weight (every request once it is >= 25%).
      const release = state.canary && state.weight >= 25 ? state.canary : state.live;
      const { status, body, delayMs } = answer(releases.get(release), hit);
      reply(status, body, delayMs);
    } else if (url.pathname === '/preview') {
      const behaviour = releases.get(state.canary);
      const { status, body, delayMs } = answer(
        behaviour?.kind === 'fails-under-traffic' ? undefined : behaviour,
        hit,
      );
      reply(status, body, delayMs);
    } else reply(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, value: string) => `curl -fsS -X POST "${url}${path}?value=${value}"`;
  return {
    url,
    healthUrl: `${url}/health`,
    previewUrl: `${url}/preview`,
    deployCommand: (variable) => post('/_deploy', `$${variable}`),
    stageCommand: (variable) => post('/_stage', `$${variable}`),
    trafficCommand: post('/_weight', '{weight}'),
    switchCommand: post('/_switch', '{target}'),
    releases,
    state,
    detach: () => server.unref(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
