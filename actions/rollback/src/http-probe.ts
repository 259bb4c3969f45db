/** The real HTTP probe: one GET with a time limit; no answer (timeout, refused, DNS, reset) is a ProbeError. */
import { formatDuration } from '@qeml/action-kit';
import { type HttpProbe, ProbeError } from './types';

/** Bodies are read up to this size (a health endpoint's answer is small; a huge one is not read whole). */
const MAX_BODY_BYTES = 256 * 1024;

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What went wrong when no answer came, in the words of the error kinds the report uses. */
export function classifyNetworkError(error: unknown, timeoutMs: number): ProbeError {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError')
    return new ProbeError('timeout', `no answer within ${formatDuration(timeoutMs)}`);
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new ProbeError('refused', 'connection refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new ProbeError('dns', `DNS lookup failed (${code})`);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return new ProbeError('timeout', `timed out (${code})`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return new ProbeError('reset', `connection reset (${code})`);
    default:
      return new ProbeError(
        'other',
        `request failed (${code ?? (error as Error)?.message ?? String(error)})`,
      );
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** fetch refuses URLs with credentials: `https://user:pass@host/` becomes basic auth on a clean URL. */
function splitCredentials(url: string): { target: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { target: url };
  const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { target: parsed.toString(), authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

/** `fetchImpl` is injectable for tests; latency is wall time (what a user of the service waits). */
export function createHttpProbe(fetchImpl: typeof fetch = globalThis.fetch): HttpProbe {
  return async (url, { timeoutMs, signal }) => {
    const { target, authorization } = splitCredentials(url);
    const started = performance.now();
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(target, {
        signal: combined,
        redirect: 'manual',
        headers: {
          'user-agent': 'qeml-rollback health check',
          accept: 'application/json, text/plain, */*',
          ...(authorization ? { authorization } : {}),
        },
      });
      const body = await readCapped(response);
      return { status: response.status, body, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      if (signal?.aborted) throw error;
      throw classifyNetworkError(timeout.aborted ? timeout.reason : error, timeoutMs);
    }
  };
}
