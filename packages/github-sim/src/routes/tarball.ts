import { notFound } from '../errors';
import type { Router } from '../router';
import { repoOf } from './common';

/** Repository archives: a redirect to a signed URL serving the archive set with `model.setTarball`. */
export function registerTarballRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/tarball/{ref}', (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref ?? '';
    const sha = ctx.model.repos.resolveRef(repo, ref);
    const archive =
      repo.tarballs.get(ref) ??
      [...repo.tarballs].find(
        ([candidate]) => sha !== undefined && ctx.model.repos.resolveRef(repo, candidate) === sha,
      )?.[1];
    if (!archive) throw notFound();
    const filename = `${repo.owner}-${repo.name}-${(sha ?? ref).slice(0, 7)}.tar.gz`;
    return { status: 302, headers: { location: ctx.signBlob(archive, 'application/x-gzip', filename) } };
  });
}
