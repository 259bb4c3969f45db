/**
 * A GitHub refusal that retrying cannot fix (401, 403 without a rate limit, 404) is the user's to
 * fix: one clear line naming what to check, as a ConfigurationError. Anything else stays an error.
 */
import { ConfigurationError } from '@qeml/action-kit';

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
}

export function explainApiError(error: unknown, what: string): unknown {
  const e = error as RequestErrorLike;
  const status = e?.status;
  if (status !== 401 && status !== 403 && status !== 404) return error;
  const call = e.request ? ` (${e.request.method} ${new URL(e.request.url ?? '', 'http://x').pathname})` : '';
  const said = (e.message ?? '').split(' - ')[0];
  const hint =
    status === 401
      ? "the token was refused: check input 'github-token'"
      : status === 404
        ? `not found: check inputs 'run-id' and 'repository', and that the token can read ${what}`
        : "the token lacks a permission: actions: read (actions: write with 'heal'), issues: write with 'escalate: issue'";
  return new ConfigurationError(`GitHub answered ${status} ${said}${call}: ${hint}.`);
}
