import { arch, platform } from 'node:os';
import { basename } from 'node:path';
import type { RunOptions } from './types';

/** The `github.*` / `runner.*` values of a local run, with the defaults documented in RunOptions. */
export interface RunContext {
  token: string;
  repository: string;
  repositoryOwner: string;
  sha: string;
  ref: string;
  refName: string;
  refType: 'branch' | 'tag' | '';
  eventName: string;
  runId: number;
  runAttempt: number;
  runNumber: number;
  workflow: string;
  job: string;
  actor: string;
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  stepId: string;
  runnerTemp: string;
}

export function buildContext(options: RunOptions, actionDirectory: string, runnerTemp: string): RunContext {
  const repository = options.repository ?? 'qeml-local/local-repo';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new Error(`repository '${repository}' is not valid; expected 'owner/repo'`);
  }
  const ref = options.ref ?? 'refs/heads/main';
  const apiUrl = trimSlash(options.apiUrl ?? 'https://api.github.com');
  return {
    token: options.token ?? '',
    repository,
    repositoryOwner: repository.split('/')[0] ?? '',
    sha: options.sha ?? '0000000000000000000000000000000000000000',
    ref,
    refName: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    refType: ref.startsWith('refs/tags/') ? 'tag' : ref.startsWith('refs/heads/') ? 'branch' : '',
    eventName: options.eventName ?? 'push',
    runId: options.runId ?? 1,
    runAttempt: options.runAttempt ?? 1,
    runNumber: options.runNumber ?? 1,
    workflow: options.workflow ?? 'local',
    job: options.job ?? 'local',
    actor: options.actor ?? 'qeml-local',
    workspace: options.workspace ?? process.cwd(),
    serverUrl: trimSlash(options.serverUrl ?? 'https://github.com'),
    apiUrl,
    graphqlUrl: trimSlash(options.graphqlUrl ?? defaultGraphqlUrl(apiUrl)),
    stepId: options.stepId ?? `__local_${basename(actionDirectory).replace(/[^A-Za-z0-9_-]/g, '_')}`,
    runnerTemp,
  };
}

/** GHES serves GraphQL at /api/graphql next to /api/v3. */
function defaultGraphqlUrl(apiUrl: string): string {
  return apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The runner's default variables; they override step env, as on GitHub. */
export function contextEnv(context: RunContext, actionDirectory: string): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: context.stepId,
    GITHUB_ACTION_PATH: actionDirectory,
    GITHUB_ACTOR: context.actor,
    GITHUB_API_URL: context.apiUrl,
    GITHUB_EVENT_NAME: context.eventName,
    GITHUB_GRAPHQL_URL: context.graphqlUrl,
    GITHUB_JOB: context.job,
    GITHUB_REF: context.ref,
    GITHUB_REF_NAME: context.refName,
    GITHUB_REF_TYPE: context.refType,
    GITHUB_REPOSITORY: context.repository,
    GITHUB_REPOSITORY_OWNER: context.repositoryOwner,
    GITHUB_RUN_ATTEMPT: String(context.runAttempt),
    GITHUB_RUN_ID: String(context.runId),
    GITHUB_RUN_NUMBER: String(context.runNumber),
    GITHUB_SERVER_URL: context.serverUrl,
    GITHUB_SHA: context.sha,
    GITHUB_WORKFLOW: context.workflow,
    GITHUB_WORKSPACE: context.workspace,
    RUNNER_ARCH: runnerArch(),
    RUNNER_NAME: 'qeml-local-runner',
    RUNNER_OS: runnerOs(),
    RUNNER_TEMP: context.runnerTemp,
  };
}

function runnerOs(): string {
  const os = platform();
  return os === 'win32' ? 'Windows' : os === 'darwin' ? 'macOS' : 'Linux';
}

function runnerArch(): string {
  const cpu = arch();
  return cpu === 'arm64' ? 'ARM64' : cpu === 'arm' ? 'ARM' : cpu === 'ia32' ? 'X86' : 'X64';
}

const MINIMAL_ENV_KEYS = [
  'PATH',
  'Path',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SystemRoot',
  'SYSTEMROOT',
  'ComSpec',
  'PATHEXT',
  'WINDIR',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
];

/** The env a step inherits by default: enough to run tools, nothing of the caller's secrets. */
export function minimalEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of MINIMAL_ENV_KEYS) {
    const value = source[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}
