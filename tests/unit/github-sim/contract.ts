import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, expect } from '@jest/globals';
import type { RequestRecord, SimResponse } from '@qeml/github-sim';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The contract check: every answer github-sim's REST API gives in a test file is compared with
 * GitHub's published OpenAPI description (@octokit/openapi, api.github.com, OpenAPI 3.0.3):
 * the status must be one the operation declares, and a JSON body must match that response's schema.
 */

interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiOperation {
  operationId: string;
  responses: Record<string, OpenApiResponse>;
}
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { responses: Record<string, OpenApiResponse> };
}

export interface ContractViolation {
  request: string;
  operation: string;
  problem: string;
}

const SPEC_ID = 'https://api.github.com/openapi.json';
const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let loaded: { spec: OpenApi; ajv: Ajv; byTemplate: Map<string, string> } | undefined;

/** `/repos/{owner}/{repo}` and `/repos/{o}/{r}` are the same path. */
const shape = (template: string) => template.replace(/\{[^}]+\}/g, '{}').toLowerCase();

function load() {
  if (loaded) return loaded;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = openApi30ToJsonSchema(JSON.parse(readFileSync(file, 'utf8'))) as OpenApi;
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; x-* and example keywords are ignored.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  addFormats(ajv);
  // GitHub itself answers "" for unset `format: uri` fields (a deployment status's log_url) and
  // bot addresses such as 41898282+github-actions[bot]@users.noreply.github.com for `format: email`.
  ajv.addFormat('uri', (value: string) => value === '' || URL.canParse(value));
  ajv.addFormat('email', (value: string) => /^[^\s@]+@[^\s@]+$/.test(value));
  ajv.addSchema(spec as object, SPEC_ID);
  const byTemplate = new Map(Object.keys(spec.paths).map((path) => [shape(path), path]));
  loaded = { spec, ajv, byTemplate };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` in JSON Schema terms where Ajv's own `nullable` support stops:
 * without a `type` (on allOf/anyOf/$ref wrappers) it becomes `anyOf: [schema, null]`, and an
 * `enum` also admits null. Examples are left alone.
 */
function openApi30ToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApi30ToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([key, value]) => [
    key,
    key === 'example' || key === 'examples' ? value : openApi30ToJsonSchema(value),
  ]);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  if (schema.nullable !== true) return schema;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (schema.type !== undefined) return schema;
  const { nullable: _nullable, ...rest } = schema;
  return { anyOf: [rest, { type: 'null' }] };
}

const validators = new Map<string, ValidateFunction>();

function pointer(...segments: string[]): string {
  return `#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

/**
 * Answers every operation may give whatever it declares: a refused token (401), not found or no
 * access (404), rate limits (403/429 with rate-limit headers), bodies too large (413), server errors (5xx).
 */
function universal(status: number, response: SimResponse): boolean {
  const headers = response.headers ?? {};
  const rateLimited = headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
  const anyOperation = [401, 404, 413].includes(status) || status >= 500;
  return anyOperation || ((status === 403 || status === 429) && rateLimited);
}

/**
 * Statuses GitHub really answers that the description leaves out, each with where it is said.
 * Their bodies are checked as GitHub's basic error.
 */
const UNDECLARED_BUT_REAL: Record<string, { statuses: number[]; source: string }> = {
  'actions/create-workflow-dispatch': {
    statuses: [422],
    source: 'REST docs "Create a workflow dispatch event": inputs must match the workflow_dispatch inputs',
  },
  'actions/re-run-workflow-failed-jobs': {
    statuses: [403],
    source:
      'while the run is not completed, after 30 days or 50 re-runs (docs "Re-running workflows and jobs")',
  },
  'actions/re-run-workflow': {
    statuses: [403],
    source:
      'while the run is not completed, after 30 days or 50 re-runs (docs "Re-running workflows and jobs")',
  },
};

/** The problems of one answer; empty when it keeps to the description (or is not a REST API answer). */
export function checkAnswer(record: RequestRecord, response: SimResponse): ContractViolation[] {
  if (record.route === null || record.fault !== undefined) return [];
  const { spec, byTemplate } = load();
  const path = byTemplate.get(shape(record.route));
  const method = record.method.toLowerCase();
  const request = `${record.method} ${record.path}`;
  if (!path)
    return [{ request, operation: record.route, problem: 'route is not in the OpenAPI description' }];
  const operation = spec.paths[path]?.[method];
  if (!operation) return [{ request, operation: path, problem: `${method} is not an operation of ${path}` }];
  const status = response.status ?? 200;
  // REST docs "Best practices": any GET answers 304 (no body) to an If-None-Match naming its ETag.
  if (status === 304 && method === 'get') return [];
  const exception = UNDECLARED_BUT_REAL[operation.operationId]?.statuses.includes(status);
  if ((universal(status, response) || exception) && !operation.responses[String(status)]) {
    return validateBody(record, operation, status, response.body, ['components', 'schemas', 'basic-error']);
  }
  const declared = operation.responses[String(status)];
  if (!declared) {
    return [
      {
        request,
        operation: operation.operationId,
        problem: `status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`,
      },
    ];
  }
  const responsePointer = declared.$ref
    ? declared.$ref.split('/').slice(1)
    : ['paths', path, method, 'responses', String(status)];
  const resolved = declared.$ref ? spec.components.responses[declared.$ref.split('/').pop() ?? ''] : declared;
  if (!resolved?.content?.['application/json']?.schema) return [];
  return validateBody(record, operation, status, response.body, [
    ...responsePointer,
    'content',
    'application/json',
    'schema',
  ]);
}

function validateBody(
  record: RequestRecord,
  operation: OpenApiOperation,
  status: number,
  body: unknown,
  schemaPath: string[],
): ContractViolation[] {
  const { ajv } = load();
  const request = `${record.method} ${record.path}`;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    return [
      {
        request,
        operation: operation.operationId,
        problem: `status ${status} declares a JSON body, got none`,
      },
    ];
  }
  const ref = `${SPEC_ID}${pointer(...schemaPath)}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => ({
    request,
    operation: operation.operationId,
    problem: `${status} body${error.instancePath} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  }));
}

/**
 * For a test file: returns an `onApiResponse` hook for `startGitHubSim` that collects violations,
 * and fails the file in afterAll when any answer drifted from GitHub's description.
 */
export function contractCheck(
  options: { testRoutes?: string[] } = {},
): (record: RequestRecord, response: SimResponse) => void {
  const violations: ContractViolation[] = [];
  const checked = new Map<string, number>();
  afterAll(() => {
    // QEML_CONTRACT_STATS=1 prints how many answers of how many routes were checked.
    if (process.env.QEML_CONTRACT_STATS) {
      const answers = [...checked.values()].reduce((sum, n) => sum + n, 0);
      process.stderr.write(`contract: ${answers} answers of ${checked.size} routes checked\n`);
    }
    // One line per kind of drift, so a missing field shows once, not once per request.
    const distinct = [
      ...new Set(violations.map((v) => `${v.operation}: ${v.problem.replace(/\/\d+\//g, '/n/')}`)),
    ];
    expect(distinct).toEqual([]);
  });
  return (record, response) => {
    // Routes a test adds itself (`sim.route`) are not GitHub's.
    if (record.route !== null && options.testRoutes?.includes(record.route)) return;
    const route = `${record.method} ${record.route}`;
    checked.set(route, (checked.get(route) ?? 0) + 1);
    try {
      violations.push(...checkAnswer(record, response));
    } catch (error) {
      const request = `${record.method} ${record.path}`;
      violations.push({
        request,
        operation: record.route ?? '',
        problem: `check failed: ${(error as Error).message}`,
      });
    }
  };
}
