import type { SimResponse } from './router';

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface PageRequest {
  /** Absolute URL of the list (sim base + path), without query. */
  url: string;
  query: Record<string, string>;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Builds the Link header GitHub sends: rel order prev, next, last, first; absolute URLs keeping other query parameters. */
export function linkHeader(request: PageRequest, page: number, lastPage: number): string | undefined {
  const href = (target: number): string => {
    const params = new URLSearchParams(request.query);
    params.set('page', String(target));
    return `${request.url}?${params.toString()}`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${href(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) {
    links.push(`<${href(page + 1)}>; rel="next"`);
    links.push(`<${href(lastPage)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${href(1)}>; rel="first"`);
  return links.length > 0 ? links.join(', ') : undefined;
}

/** One page of `items` by `per_page` (default 30, max 100) and `page` (default 1), with its Link header. */
export function paginate<T>(items: readonly T[], request: PageRequest, wrapKey?: string): SimResponse {
  const perPage = Math.min(positiveInt(request.query.per_page, DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const page = positiveInt(request.query.page, 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(request, page, lastPage);
  const body = wrapKey ? { total_count: items.length, [wrapKey]: slice } : slice;
  return { status: 200, body, headers: link ? { link } : {} };
}
