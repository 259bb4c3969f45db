// The built-in failure catalogue: valid data, real examples, honest `transient` flags.
import { describe, expect, test } from '@jest/globals';
import { builtinCatalogue } from '../../../packages/diagnosis/src/catalogue';
import { CATEGORIES, type Category } from '../../../packages/diagnosis/src/types';
import {
  cataloguePaths,
  compileCatalogue,
  readCatalogueFiles,
  schemaValidator,
} from '../../../scripts/lib/catalogue/compile';
import { repoRoot } from '../../support/paths';
import { findingsIn, signaturesAt } from './catalogue-lines';

const paths = cataloguePaths(repoRoot);
const catalogue = builtinCatalogue();

/** Categories whose failures a rerun never fixes. */
const DETERMINISTIC: Category[] = ['compile', 'lint', 'config', 'dependency', 'test', 'resource', 'benign'];

describe('catalogue files', () => {
  test.each(readCatalogueFiles(paths.dir).map((f) => [f.name, f.document]))(
    '%s follows catalogue.schema.json',
    (_, document) => {
      expect(schemaValidator(paths.schema)(document)).toEqual([]);
    },
  );

  test('the schema rejects an entry with a missing field, an unknown field or a bad enum', () => {
    const validate = schemaValidator(paths.schema);
    const entry = catalogue[0]!;
    const { recovery: _, ...missing } = entry;
    expect(validate({ signatures: [missing] }).join()).toContain("must have required property 'recovery'");
    expect(validate({ signatures: [{ ...entry, colour: 'red' }] }).join()).toContain('colour');
    expect(validate({ signatures: [{ ...entry, category: 'weather' }] }).join()).toContain(
      '/signatures/0/category',
    );
  });

  test('the schema refuses a transient signature that does not recover by rerunning', () => {
    const validate = schemaValidator(paths.schema);
    const entry = { ...catalogue.find((s) => s.transient)!, recovery: 'escalate' };
    expect(validate({ signatures: [entry] })).not.toEqual([]);
  });

  test('the compiled catalogue is exactly what the YAML files say', () => {
    expect(compileCatalogue(paths)).toEqual(catalogue);
  });
});

describe('built-in signatures', () => {
  test('number at least 120, with unique ids, and cover every category', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(120);
    expect(new Set(catalogue.map((s) => s.id)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((s) => s.category))).toEqual(new Set(CATEGORIES));
  });

  test.each(catalogue.map((s) => [s.id, s] as const))(
    '%s matches its examples, each carrying a keyword',
    (_, signature) => {
      for (const example of signature.examples) {
        const lines = example.split('\n');
        expect(signaturesAt(lines, 0, [signature]).map((s) => s.id)).toEqual([signature.id]);
      }
    },
  );

  test('keywords are stored lower-cased, since the prefilter compares lower-cased lines', () => {
    for (const signature of catalogue) {
      for (const keyword of signature.keywords) expect(keyword).toBe(keyword.toLowerCase());
    }
  });

  test('every signature says where its message comes from, in one line', () => {
    for (const signature of catalogue) expect(signature.source).toMatch(/^[^\n]{3,300}$/);
  });

  test.each(DETERMINISTIC)('%s signatures are never transient', (category) => {
    const inCategory = catalogue.filter((s) => s.category === category);
    expect(inCategory.length).toBeGreaterThan(0);
    expect(inCategory.filter((s) => s.transient).map((s) => s.id)).toEqual([]);
  });

  test.each(DETERMINISTIC.filter((c) => c !== 'benign'))(
    'no transient signature matches a %s example (a real failure is never taken for a hiccup)',
    (category) => {
      const transient = catalogue.filter((s) => s.transient);
      for (const signature of catalogue.filter((s) => s.category === category)) {
        for (const example of signature.examples) {
          expect([signature.id, signaturesAt(example.split('\n'), 0, transient).map((s) => s.id)]).toEqual([
            signature.id,
            [],
          ]);
        }
      }
    },
  );

  test('transient signatures recover by rerunning, deterministic ones never do', () => {
    for (const signature of catalogue) {
      if (signature.transient) expect(['rerun', 'rerun-clean-cache']).toContain(signature.recovery);
      else expect(signature.recovery).not.toBe('rerun');
    }
  });

  test('benign signatures are information, never a reason', () => {
    for (const signature of catalogue.filter((s) => s.category === 'benign')) {
      expect([signature.id, signature.severity, signature.transient]).toEqual([signature.id, 'info', false]);
    }
  });

  test('extraction groups name the file, line, column and test where the message has them', () => {
    const at = (id: string, line: string) => {
      const signature = catalogue.find((s) => s.id === id)!;
      return { ...new RegExp(signature.pattern, signature.ignoreCase ? 'i' : '').exec(line)?.groups };
    };
    expect(
      at('tsc-error', "src/index.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'."),
    ).toEqual({
      file: 'src/index.ts',
      line: '12',
      column: '5',
    });
    expect(at('pytest-failed', 'FAILED tests/test_api.py::test_create - AssertionError')).toEqual({
      file: 'tests/test_api.py',
      test: 'test_create',
    });
    expect(at('go-test-fail', '    --- FAIL: TestParse/empty (0.00s)')).toEqual({ test: 'TestParse/empty' });
    expect(
      at('rustc-error', 'error[E0425]: cannot find value `x` in this scope\n  --> src/main.rs:4:20'),
    ).toEqual({
      file: 'src/main.rs',
      line: '4',
      column: '20',
    });
  });
});

describe('the families the issue names', () => {
  // One real line per family: the catalogue must recognise each, with the expected transience.
  const families: [family: string, line: string, id: string][] = [
    [
      'runner shutdown signal',
      'The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.',
      'runner-shutdown-signal',
    ],
    [
      'lost communication',
      'The hosted runner: GitHub Actions 7 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.',
      'runner-lost-communication',
    ],
    [
      'deprovisioned runner',
      'Received request to deprovision: The request was cancelled by the remote provider.',
      'runner-deprovisioned',
    ],
    [
      'maximum execution time',
      'The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 60 minutes.',
      'runner-max-execution-time',
    ],
    ['cancellation', 'The operation was canceled.', 'runner-operation-canceled'],
    [
      'spending limit',
      'The job was not started because recent account payments have failed or your spending limit needs to be increased.',
      'runner-spending-limit',
    ],
    [
      'unresolvable action',
      'Unable to resolve action `acme/deploy@v2`, repository not found',
      'runner-unable-to-resolve-action',
    ],
    [
      'action download',
      "Failed to download action 'https://api.github.com/repos/actions/setup-node/tarball/abc'. Error: Response status code does not indicate success: 502 (Bad Gateway).",
      'runner-action-download-failed',
    ],
    ['ECONNRESET', 'Error: read ECONNRESET', 'net-econnreset'],
    ['ETIMEDOUT', 'Error: connect ETIMEDOUT 104.16.3.35:443', 'net-etimedout'],
    ['EAI_AGAIN', 'Error: getaddrinfo EAI_AGAIN github.com', 'net-eai-again'],
    ['ENOTFOUND', 'Error: getaddrinfo ENOTFOUND objects.githubusercontent.com', 'net-enotfound'],
    ['socket hang up', 'Error: socket hang up', 'net-socket-hang-up'],
    [
      'TLS handshake timeout',
      'Get "https://ghcr.io/v2/": net/http: TLS handshake timeout',
      'net-tls-handshake-timeout',
    ],
    ['i/o timeout', 'dial tcp 140.82.114.4:443: i/o timeout', 'net-io-timeout'],
    ['curl 6', 'curl: (6) Could not resolve host: nodejs.org', 'curl-6-resolve-host'],
    [
      'curl 7',
      'curl: (7) Failed to connect to nodejs.org port 443 after 3 ms: Connection refused',
      'curl-7-connect',
    ],
    [
      'curl 28',
      'curl: (28) Operation timed out after 120001 milliseconds with 0 bytes received',
      'curl-28-timeout',
    ],
    [
      'curl 35',
      'curl: (35) OpenSSL SSL_connect: Connection reset by peer in connection to nodejs.org:443',
      'curl-35-ssl-connect',
    ],
    ['curl 52', 'curl: (52) Empty reply from server', 'curl-52-empty-reply'],
    ['curl 56', 'curl: (56) Recv failure: Connection reset by peer', 'curl-56-recv-failure'],
    [
      'curl 92',
      'curl: (92) HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)',
      'curl-92-http2-stream',
    ],
    ['RPC failed', 'error: RPC failed; curl 56 Recv failure: Connection reset by peer', 'git-rpc-failed'],
    ['early EOF', 'fatal: early EOF', 'git-early-eof'],
    ['remote end hung up', 'fatal: the remote end hung up unexpectedly', 'git-remote-hung-up'],
    ['npm E5xx', 'npm ERR! code E502', 'npm-server-error'],
    ['npm network code', 'npm ERR! code ETIMEDOUT', 'npm-network-error'],
    [
      'yarn fetch',
      'error An unexpected error occurred: "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz: ETIMEDOUT".',
      'yarn-network-error',
    ],
    [
      'pnpm fetch',
      ' ERR_PNPM_FETCH_502  GET https://registry.npmjs.org/vite: Bad Gateway - 502',
      'pnpm-fetch-error',
    ],
    [
      'pip ReadTimeoutError',
      "pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='pypi.org', port=443): Read timed out.",
      'pip-read-timeout',
    ],
    [
      'pip 5xx',
      'ERROR: HTTP error 502 while getting https://files.pythonhosted.org/packages/x/y/z.whl',
      'pip-http-server-error',
    ],
    [
      'conda HTTP',
      'CondaHTTPError: HTTP 503 SERVICE UNAVAILABLE for url <https://conda.anaconda.org/conda-forge/linux-64/repodata.json>',
      'conda-http-error',
    ],
    [
      'Maven transfer',
      'Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo.maven.apache.org/maven2): Read timed out',
      'maven-transfer-failed',
    ],
    [
      'Maven 403',
      'Could not transfer artifact com.acme:lib:jar:1.0 from/to acme (https://maven.acme.dev/releases): status code: 403, reason phrase: Forbidden (403)',
      'maven-transfer-forbidden',
    ],
    [
      'Gradle 5xx',
      "> Could not GET 'https://plugins.gradle.org/m2/org/x/y.pom'. Received status code 503 from server: Service Unavailable",
      'gradle-transfer-failed',
    ],
    [
      'Go proxy timeout',
      'go: golang.org/x/net@v0.20.0: Get "https://proxy.golang.org/golang.org/x/net/@v/v0.20.0.zip": dial tcp 172.217.1.113:443: i/o timeout',
      'go-proxy-error',
    ],
    [
      'apt 404',
      'E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/o/openssl/libssl3_3.0.2-0ubuntu1.14_amd64.deb  404  Not Found [IP: 91.189.91.82 80]',
      'apt-not-found',
    ],
    [
      'apt Hash Sum mismatch',
      'E: Failed to fetch https://packages.microsoft.com/ubuntu/22.04/prod/dists/jammy/main/binary-amd64/Packages.bz2  Hash Sum mismatch',
      'apt-hash-sum-mismatch',
    ],
    [
      'Docker toomanyrequests',
      'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
      'docker-rate-limit',
    ],
    [
      'GitHub rate limit',
      'HttpError: API rate limit exceeded for installation ID 42.',
      'github-api-rate-limit',
    ],
    [
      'GitHub secondary limit',
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      'github-api-secondary-limit',
    ],
    [
      'GitHub 5xx',
      'HTTP 503: Service Unavailable (https://api.github.com/repos/o/r/releases)',
      'github-api-server-error',
    ],
    ['exit 137', 'Process completed with exit code 137.', 'exit-code-137'],
    ['Killed', 'Killed', 'process-killed'],
    ['OOM killer', 'Out of memory: Killed process 777 (cc1plus) total-vm:2000000kB', 'oom-killer'],
    ['Java heap', 'java.lang.OutOfMemoryError: Java heap space', 'java-heap'],
    [
      'Node heap',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      'node-heap',
    ],
    [
      'Gradle daemon disappeared',
      'Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)',
      'gradle-daemon-disappeared',
    ],
    ['no space left', 'OSError: [Errno 28] No space left on device', 'no-space-left'],
    ['ERESOLVE', 'npm ERR! ERESOLVE unable to resolve dependency tree', 'npm-eresolve'],
    [
      'ResolutionImpossible',
      'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/',
      'pip-resolution-impossible',
    ],
    [
      'version solving failed',
      'Because app depends on flutter_test from sdk which depends on meta 1.9.1, version solving failed.',
      'version-solving-failed',
    ],
    [
      'no matching distribution',
      'ERROR: No matching distribution found for torch==1.0.0',
      'pip-no-matching-distribution',
    ],
    [
      'unresolvable Maven dependencies',
      '[ERROR] Failed to execute goal on project web: Could not resolve dependencies for project com.acme:web:war:2.1: Could not find artifact com.acme:core:jar:2.1 in central (https://repo.maven.apache.org/maven2)',
      'maven-unresolvable-dependencies',
    ],
    ['Cargo conflict', 'error: failed to select a version for `openssl-sys`.', 'cargo-version-conflict'],
    ['Go module conflict', 'go: updates to go.mod needed; to update it:', 'go-mod-conflict'],
    ['gcc', 'src/main.c:3:10: fatal error: zlib.h: No such file or directory', 'gcc-clang-error'],
    ['tsc', "src/app.ts(7,3): error TS2339: Property 'nme' does not exist on type 'User'.", 'tsc-error'],
    [
      'javac',
      '[ERROR] /home/runner/work/a/a/src/main/java/A.java:[3,1] class, interface, enum, or record expected',
      'javac-error',
    ],
    [
      'rustc',
      'error[E0599]: no method named `len` found for enum `Option` in the current scope',
      'rustc-error-code',
    ],
    ['go build', './cmd/server/main.go:22:3: undefined: serve', 'go-build-error'],
    ['go vet', 'vet: ./internal/x.go:4:2: unreachable code', 'golangci-lint-issue'],
    ['SyntaxError', 'SyntaxError: invalid syntax', 'python-syntax-error'],
    ['ImportError', "ImportError: cannot import name 'x' from 'y' (/app/y.py)", 'python-import-error'],
    ['ModuleNotFoundError', "ModuleNotFoundError: No module named 'yaml'", 'python-import-error'],
    ['pytest', 'FAILED tests/test_io.py::test_read - FileNotFoundError', 'pytest-failed'],
    ['unittest', 'FAIL: test_sum (tests.test_math.MathTest.test_sum)', 'unittest-failure'],
    ['jest', '  ● Cart › totals › applies the discount', 'jest-failed-test'],
    ['vitest', ' FAIL  src/cart.test.ts > totals > applies the discount', 'vitest-failed-test'],
    ['mocha', '  2 failing', 'mocha-failing'],
    [
      'Surefire',
      '[ERROR] com.acme.CartTest.appliesDiscount  Time elapsed: 0.003 s  <<< FAILURE!',
      'surefire-test-failure',
    ],
    ['Gradle test', 'CartTest > appliesDiscount() FAILED', 'gradle-test-failed'],
    ['go test', '--- FAIL: TestCart (0.01s)', 'go-test-fail'],
    ['cargo test', 'test cart::tests::applies_discount ... FAILED', 'cargo-test-failed'],
    ['RSpec', 'rspec ./spec/cart_spec.rb:30 # Cart applies the discount', 'rspec-failed-example'],
    ['PHPUnit', '1) Tests\\CartTest::testAppliesDiscount', 'phpunit-failure'],
    [
      'sanitizer',
      '==77==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7ffc',
      'sanitizer-report',
    ],
    ['segfault', 'Segmentation fault (core dumped)', 'segfault'],
    ['eslint', '  3:10  error  Unexpected console statement  no-console', 'eslint-error'],
    ['ruff', 'app/x.py:1:1: I001 [*] Import block is un-sorted or un-formatted', 'python-lint-code'],
    ['flake8', './app/x.py:2:1: E302 expected 2 blank lines, found 1', 'python-lint-code'],
    ['black --check', 'would reformat app/x.py', 'black-would-reformat'],
    [
      'prettier --check',
      '[warn] Code style issues found in 3 files. Run Prettier with --write to fix.',
      'prettier-check',
    ],
    [
      'mypy',
      'app/x.py:9: error: Argument 1 to "f" has incompatible type "str"; expected "int"  [arg-type]',
      'mypy-error',
    ],
    [
      'rubocop',
      'lib/cart.rb:4:3: W: Lint/UselessAssignment: Useless assignment to variable - total.',
      'rubocop-offense',
    ],
    ['cache service', 'Warning: Failed to restore: Cache service responded with 400', 'cache-restore-failed'],
  ];

  test.each(families)('%s', (_, line, id) => {
    expect(signaturesAt([line], 0, catalogue).map((s) => s.id)).toContain(id);
  });
});

describe("look-alikes of network trouble that are the job's own fault", () => {
  // Each line mentions a network failure, but a rerun would fail the same way.
  test.each([
    [
      'a service the job should have started',
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server",
      'curl-7-connect-local',
    ],
    ['a database container that is not up', 'Error: connect ECONNREFUSED 127.0.0.1:5432', 'net-econnrefused'],
    [
      'pnpm on a Node.js it does not support',
      'ERR_PNPM_META_FETCH_FAIL  GET https://registry.npmjs.org/next: Value of "this" must be of type URLSearchParams',
      'pnpm-node-incompatible',
    ],
    ['a missing deploy key', 'git@github.com: Permission denied (publickey).', 'git-auth-failed'],
    [
      'a download URL that does not exist',
      'curl: (22) The requested URL returned error: 404',
      'curl-22-not-found',
    ],
    ['an untrusted certificate', 'x509: certificate signed by unknown authority', 'tls-certificate-error'],
  ])('%s', (_, line, id) => {
    const found = signaturesAt([line], 0, catalogue);
    expect(found.map((s) => s.id)).toContain(id);
    expect(found.filter((s) => s.transient).map((s) => s.id)).toEqual([]);
  });
});

describe('transient signatures inside realistic output', () => {
  // A job log in GitHub's format around the failure line: setup, installs, passing tests whose
  // names say "error", warnings, the failing step's exit line and post steps.
  const log = (failure: string) =>
    [
      '2024-05-14T10:02:11.0912345Z ##[group]Runner Image',
      '2024-05-14T10:02:11.0913345Z Image: ubuntu-22.04',
      '2024-05-14T10:02:11.0914345Z Version: 20240514.1.0',
      '2024-05-14T10:02:11.0915345Z ##[endgroup]',
      '2024-05-14T10:02:12.1000000Z ##[group]Run actions/checkout@v4',
      '2024-05-14T10:02:12.2000000Z Syncing repository: acme/shop',
      "2024-05-14T10:02:12.3000000Z hint: Using 'master' as the name for the initial branch. This default branch name",
      '2024-05-14T10:02:13.4000000Z [command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +8f3a:refs/remotes/origin/main',
      "2024-05-14T10:02:13.5000000Z Note: switching to '8f3a2b1c'.",
      '2024-05-14T10:02:13.6000000Z ##[endgroup]',
      '2024-05-14T10:02:14.0000000Z ##[group]Run actions/setup-node@v4',
      '2024-05-14T10:02:14.1000000Z Found in cache @ /opt/hostedtoolcache/node/20.12.2/x64',
      '2024-05-14T10:02:14.2000000Z Cache not found for input keys: node-cache-Linux-x64-npm-9d1e',
      '2024-05-14T10:02:14.3000000Z ##[endgroup]',
      '2024-05-14T10:02:15.0000000Z ##[group]Run npm ci',
      '2024-05-14T10:02:15.1000000Z npm ci',
      '2024-05-14T10:02:20.0000000Z npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.',
      '2024-05-14T10:02:31.0000000Z added 1021 packages, and audited 1022 packages in 16s',
      '2024-05-14T10:02:31.1000000Z found 0 vulnerabilities',
      '2024-05-14T10:02:32.0000000Z > shop@1.0.0 test',
      '2024-05-14T10:02:32.1000000Z > jest --ci',
      '2024-05-14T10:02:40.0000000Z PASS src/errors/error-boundary.test.tsx',
      '2024-05-14T10:02:40.1000000Z   ✓ renders the error page when a child throws (12 ms)',
      '2024-05-14T10:02:40.2000000Z   ✓ reports timeout errors to the logger (3 ms)',
      '2024-05-14T10:02:41.0000000Z PASS src/api/retry.test.ts',
      '2024-05-14T10:02:41.1000000Z   ✓ retries after a failed request (4 ms)',
      '2024-05-14T10:02:42.0000000Z Tests:       48 passed, 48 total',
      '2024-05-14T10:02:42.1000000Z warning: the `--ci` flag is deprecated',
      `2024-05-14T10:02:43.0000000Z ${failure}`,
      '2024-05-14T10:02:43.1000000Z ##[error]Process completed with exit code 1.',
      '2024-05-14T10:02:44.0000000Z Post job cleanup.',
      '2024-05-14T10:02:44.1000000Z [command]/usr/bin/git version',
      '2024-05-14T10:02:44.2000000Z git version 2.45.1',
      '2024-05-14T10:02:44.3000000Z [command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand',
      '2024-05-14T10:02:45.0000000Z Cleaning up orphan processes',
    ].join('\n');
  const failureLine = 29;
  const transient = catalogue.filter((s) => s.transient);

  const cases = transient.flatMap((s) =>
    s.examples.filter((e) => !e.includes('\n')).map((example) => [s.id, example] as [string, string]),
  );
  test.each(cases)('%s: %s', (id, example) => {
    const found = findingsIn(log(example), catalogue).filter((f) => transient.some((s) => s.id === f.id));
    expect(found.map((f) => f.line).every((line) => line === failureLine)).toBe(true);
    expect(found.map((f) => f.id)).toContain(id);
  });

  test('the surrounding output alone holds nothing but benign notices ("error" in passing test names included)', () => {
    const found = findingsIn(log('All steps done.'), catalogue);
    const benign = new Set(catalogue.filter((s) => s.category === 'benign').map((s) => s.id));
    expect(found.filter((f) => !benign.has(f.id))).toEqual([]);
    expect(found.map((f) => f.id)).toEqual([
      'git-initial-branch-hint',
      'git-detached-head',
      'cache-miss',
      'npm-warn-deprecated',
    ]);
  });
});
