import type { SimModel } from './model';

/** What a route handler sees. */
export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
  model: SimModel;
  /** Slices `items` by per_page/page and adds GitHub's Link header; `wrapKey` wraps the page as `{ total_count, [wrapKey]: page }`. */
  paginate<T>(items: readonly T[], wrapKey?: string): SimResponse;
  /** A short-lived signed URL on the sim's blob storage origin (`blobUrl`) that serves `content` (logs, tarballs). */
  signBlob(content: string | Buffer, contentType: string, filename?: string): string;
}

export interface SimResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => SimResponse | Promise<SimResponse>;

interface Route<H> {
  method: string;
  template: string;
  segments: string[];
  literalCount: number;
  handler: H;
}

export interface RouteMatch<H = RouteHandler> {
  template: string;
  params: Record<string, string>;
  handler: H;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Matches a path against a template such as `/repos/{owner}/{repo}`; null when it does not fit. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  return matchSegments(splitPath(template), splitPath(path));
}

function matchSegments(templateSegments: string[], pathSegments: string[]): Record<string, string> | null {
  if (templateSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of templateSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (isParam(segment)) {
      params[segment.slice(1, -1)] = safeDecode(actual);
    } else if (segment.toLowerCase() !== actual.toLowerCase()) {
      return null;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Routes by method and path template; the most specific template wins, later registrations win ties.
 * `H` is the handler type: API routes by default, the cache service has its own.
 */
export class Router<H = RouteHandler> {
  private readonly routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): void {
    const segments = splitPath(template);
    const literalCount = segments.filter((segment) => !isParam(segment)).length;
    this.routes.push({ method: method.toUpperCase(), template, segments, literalCount, handler });
  }

  match(method: string, path: string): RouteMatch<H> | null {
    const pathSegments = splitPath(path);
    let best: { route: Route<H>; params: Record<string, string> } | null = null;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = matchSegments(route.segments, pathSegments);
      if (params && (!best || route.literalCount >= best.route.literalCount)) best = { route, params };
    }
    return best ? { template: best.route.template, params: best.params, handler: best.route.handler } : null;
  }
}
