import { notFound, SimHttpError, validationFailed } from '../errors';
import type { RepoState } from '../model';
import type { RouteContext } from '../router';

export function repoOf(ctx: RouteContext): RepoState {
  return ctx.model.repos.get(ctx.params.owner ?? '', ctx.params.repo ?? '');
}

/** A numeric path parameter; anything else is GitHub's 404. */
export function intParam(ctx: RouteContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isSafeInteger(value) || value < 0) throw notFound();
  return value;
}

/** The JSON request body as an object; GitHub answers 400 to anything else. */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new SimHttpError(400, 'Problems parsing JSON');
  return body as Record<string, unknown>;
}

export function optionalString(
  body: Record<string, unknown>,
  field: string,
  resource: string,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed(resource, field, 'invalid');
  return value;
}

export function requiredString(body: Record<string, unknown>, field: string, resource: string): string {
  const value = optionalString(body, field, resource);
  if (value === undefined || value === '') throw validationFailed(resource, field);
  return value;
}

export function stringList(value: unknown, field: string, resource: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') {
      return (item as { name: string }).name;
    }
    throw validationFailed(resource, field, 'invalid');
  });
}

/** `sort`/`direction` query handling shared by list endpoints (default newest first). */
export function sortBy<T>(items: T[], key: (item: T) => string | number, direction: string | undefined): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}
