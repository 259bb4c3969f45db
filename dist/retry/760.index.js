export const id = 760;
export const ids = [760];
export const modules = {

/***/ 8760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: tokenGuardedFetch

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-retry@8.1.1_@octokit+core@7.0.8/node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(7517);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-throttling@11.0.5_@octokit+core@7.0.8/node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(8864);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+rest@22.0.1/node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(7612);
// EXTERNAL MODULE: ./node_modules/.pnpm/bottleneck@2.19.5/node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(1872);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(1901);
// EXTERNAL MODULE: ./packages/action-kit/src/logger.ts
var logger = __webpack_require__(6718);
;// CONCATENATED MODULE: ./packages/action-kit/src/version.ts
/** The qeml-actions release this code belongs to; kept in step with package.json by the release script. */
const QEML_VERSION = '1.0.0';
/** Sent with every GitHub API request so GitHub (and GHES admins) can tell who is calling. */
const QEML_USER_AGENT = `qeml-actions/${QEML_VERSION}`;

;// CONCATENATED MODULE: ./packages/action-kit/src/github.ts







const GitHubOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
const DEFAULT_API_URL = 'https://api.github.com';
const MAX_REDIRECTS = 10;
/** Creates the GitHub client. The token is only ever sent to the API's own origin, also across redirects. */
function createGitHubClient(options) {
    const env = options.env ?? process.env;
    const baseUrl = resolveApiUrl(options.apiUrl ?? env.GITHUB_API_URL);
    const apiOrigin = new URL(baseUrl).origin;
    const retries = options.retries ?? 3;
    const retryAfterBaseValue = options.retryAfterBaseValue ?? envMilliseconds(env.QEML_GITHUB_RETRY_BASE_MS, 1000);
    const writeInterval = options.throttle?.minWriteIntervalMs ?? envMilliseconds(env.QEML_GITHUB_MIN_WRITE_INTERVAL_MS, 1000);
    const log = options.log ?? logger/* silentLogger */.qq;
    const onLimit = (kind) => (retryAfter, request, _o, retryCount) => {
        if (retryCount < retries) {
            log.warning(`GitHub ${kind} rate limit hit on ${request.method} ${request.url}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${retries}).`);
            return true;
        }
        log.warning(`GitHub ${kind} rate limit hit on ${request.method} ${request.url}; giving up after ${retries} retries.`);
        return false;
    };
    return new GitHubOctokit({
        auth: options.token,
        baseUrl,
        userAgent: options.userAgent ?? QEML_USER_AGENT,
        log: {
            debug: (message) => log.debug(message),
            info: (message) => log.debug(message),
            warn: (message) => log.warning(message),
            error: (message) => log.error(message),
        },
        request: {
            ...options.request,
            fetch: tokenGuardedFetch(apiOrigin, options.request?.fetch ?? globalThis.fetch),
        },
        // 403/429 are rate limits: left to the throttling plugin, which knows how long GitHub asks us to wait.
        retry: { retries, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: {
            retryAfterBaseValue,
            fallbackSecondaryRateRetryAfter: options.throttle?.fallbackSecondaryRateRetryAfter ?? 60,
            // Per-client groups so the spacing is ours to set (the plugin's defaults are shared and fixed at 1 s / 3 s / 2 s).
            write: new (lib_default()).Group({ maxConcurrent: 1, minTime: writeInterval }),
            notifications: new (lib_default()).Group({ maxConcurrent: 1, minTime: writeInterval * 3 }),
            search: new (lib_default()).Group({ maxConcurrent: 1, minTime: writeInterval * 2 }),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
        },
    });
}
function envMilliseconds(value, fallback) {
    const parsed = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
    return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}
function resolveApiUrl(configured) {
    const value = configured?.trim() || DEFAULT_API_URL;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ConfigurationError */.j(`GitHub API URL ${JSON.stringify(value)} is not a URL: expected e.g. https://api.github.com or https://github.example.com/api/v3`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* ConfigurationError */.j(`GitHub API URL ${JSON.stringify(value)} must be http(s): expected e.g. https://api.github.com`);
    }
    return value.replace(/\/+$/, '');
}
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/**
 * A fetch that follows redirects itself so it can drop the Authorization header on every hop whose
 * origin is not the API's (e.g. a job log redirected to signed blob storage), and never sends the
 * token to another origin in the first place.
 */
function tokenGuardedFetch(apiOrigin, baseFetch) {
    return async (input, init = {}) => {
        let url = new URL(input instanceof Request ? input.url : String(input));
        const headers = new Headers(init.headers);
        let method = (init.method ?? 'GET').toUpperCase();
        let body = init.body;
        const followRedirects = (init.redirect ?? 'follow') === 'follow';
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (url.origin !== apiOrigin)
                headers.delete('authorization');
            const response = await baseFetch(url, { ...init, method, body, headers, redirect: 'manual' });
            const location = response.headers.get('location');
            if (!followRedirects || !REDIRECT_STATUSES.has(response.status) || !location)
                return response;
            await response.body?.cancel();
            url = new URL(location, url);
            if (response.status === 303 ||
                ((response.status === 301 || response.status === 302) && method === 'POST')) {
                method = method === 'HEAD' ? 'HEAD' : 'GET';
                body = undefined;
                headers.delete('content-type');
                headers.delete('content-length');
            }
        }
        throw new TypeError(`Too many redirects (more than ${MAX_REDIRECTS}) from ${String(input)}`);
    };
}


/***/ })

};

//# sourceMappingURL=760.index.js.map