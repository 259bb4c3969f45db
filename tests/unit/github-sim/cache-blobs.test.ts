import { beforeAll, describe, expect, test } from '@jest/globals';
import { TWIRP } from './cache-library';
import { ManualClock, simWithRepo } from './client';

// The blob host behind the v2 cache service follows Azure Blob Storage's REST API: Put Blob,
// Put Block + Put Block List, Get Blob with a Range header (learn.microsoft.com
// /rest/api/storageservices/put-block-list, /specifying-the-range-header-for-blob-service-operations),
// SAS URLs that expire and refuse an added Authorization header.

describe('github-sim blob host for cache archives', () => {
  const clock = new ManualClock();
  const gh = simWithRepo(undefined, { clock });
  let token = '';

  beforeAll(() => {
    token = gh.sim.cacheEnv('o/r').ACTIONS_RUNTIME_TOKEN ?? '';
  });

  async function twirp(method: string, body: unknown): Promise<Record<string, string | boolean>> {
    const response = await fetch(`${gh.sim.cacheUrl}${TWIRP}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, string | boolean>;
  }

  test('Put Block + Put Block List assemble the archive; ranged GETs answer 206 with Content-Range', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'blocks', version: 'v1' });
    const uploadUrl = String(created.signed_upload_url);
    expect(uploadUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/simstorage\/actions-cache\/\d+\.tzst\?sv=.*&se=.*&sp=cw&sig=/,
    );
    const ids = ['AAAA', 'AAAB'];
    for (const [index, part] of ['hello ', 'world'].entries()) {
      const put = await fetch(`${uploadUrl}&comp=block&blockid=${encodeURIComponent(ids[index] ?? '')}`, {
        method: 'PUT',
        body: part,
      });
      expect(put.status).toBe(201);
    }
    const list = `<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>AAAA</Latest><Latest>AAAB</Latest></BlockList>`;
    expect((await fetch(`${uploadUrl}&comp=blocklist`, { method: 'PUT', body: list })).status).toBe(201);
    expect(
      await twirp('FinalizeCacheEntryUpload', { key: 'blocks', version: 'v1', size_bytes: '11' }),
    ).toMatchObject({
      ok: true,
    });

    const { signed_download_url: downloadUrl } = await twirp('GetCacheEntryDownloadURL', {
      key: 'blocks',
      version: 'v1',
    });
    const whole = await fetch(String(downloadUrl));
    expect(await whole.text()).toBe('hello world');
    const ranged = await fetch(String(downloadUrl), { headers: { range: 'bytes=6-10' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 6-10/11');
    expect(await ranged.text()).toBe('world');
    // A read URL does not allow writes.
    expect(
      (
        await fetch(String(downloadUrl), {
          method: 'PUT',
          body: 'x',
          headers: { 'x-ms-blob-type': 'BlockBlob' },
        })
      ).status,
    ).toBe(403);
  });

  test('a request carrying Authorization, a forged signature or an expired URL is refused with 403', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'refusals', version: 'v1' });
    const uploadUrl = String(created.signed_upload_url);
    const withAuth = await fetch(uploadUrl, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-ms-blob-type': 'BlockBlob', authorization: `Bearer ${token}` },
    });
    expect(withAuth.status).toBe(403);
    expect(withAuth.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    expect(await withAuth.text()).toContain('<Code>AuthenticationFailed</Code>');

    const forged = uploadUrl.replace(/sig=[^&]+/, 'sig=forged');
    expect(
      (await fetch(forged, { method: 'PUT', body: 'x', headers: { 'x-ms-blob-type': 'BlockBlob' } })).status,
    ).toBe(403);

    clock.advance(11 * 60_000);
    const expired = await fetch(uploadUrl, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
    });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Signed expiry time');
  });

  test('a blob name with a malformed %-escape is refused like any unsigned blob, not a crash', async () => {
    const response = await fetch(`${gh.sim.blobUrl}/simstorage/actions-cache/%E0%A4%A.tzst?sig=x`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    expect(await fetch(`${gh.sim.blobUrl}/simstorage/actions-cache`).then((r) => r.status)).toBe(404);
  });
});
