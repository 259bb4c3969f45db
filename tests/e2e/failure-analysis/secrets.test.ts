/**
 * Secrets planted in a failed job's log (every kind action-kit redacts) and in a job's name never
 * reach the issue, the job summary, the outputs, the report file, the annotations or the log.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GitHubSim } from '@qeml/github-sim';
import { secretLog } from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { addRun, analyse, issuesOf, matrixJobs, startRepoSim, TOKEN } from './helpers';

const SECRETS = {
  'github token': 'ghp_R8x2Lq9Vb4Nz7Kc1Wd5Ht3Jm6Pf0Ys8Ga2Ue',
  'fine-grained pat': `github_pat_11ABCDEFG0${'x7Q'.repeat(20)}abc`,
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjE5OTk5OTk5OTl9.dGhpc2lzYXNpZ25hdHVyZXZhbHVl',
  'aws key id': 'AKIAZ7QW3ERT5YUI9OPL',
  'aws secret': 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9w8e7r6t',
  'url credentials': 'https://deploy:Sup3r%2FS3cret@registry.example.com/simple/',
  'auth header': 'Authorization: Bearer sk_live_Zm9vYmFyYmF6cXV4cXV1eA',
  'the action token': TOKEN,
  'the token in base64': Buffer.from(TOKEN).toString('base64'),
};
/** The part of each secret that must never be seen. */
const NEVER = [
  'R8x2Lq9Vb4Nz7Kc1Wd5Ht3Jm6Pf0Ys8Ga2Ue',
  'x7Qx7Qx7Q',
  'eyJzdWIiOiJjaS1ib3QiLCJleHAiOjE5OTk5OTk5OTl9',
  'AKIAZ7QW3ERT5YUI9OPL',
  'wJalrXUtnFEMI/K7MDENG',
  'Sup3r',
  'sk_live_Zm9vYmFyYmF6cXV4cXV1eA',
  'simFailureAnalysisToken',
  Buffer.from(TOKEN).toString('base64').slice(4, 30),
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo',
];
const KEY_BLOCK = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
];

describe.each(bundleNodes())('secrets under $label', ({ label, path: node }) => {
  let sim: GitHubSim;
  let work: string;
  beforeAll(async () => {
    sim = await startRepoSim();
    work = await makeTempDir('fa-secrets-');
  });
  afterAll(async () => {
    await sim.close();
    await removeTempDir(work);
  });

  test('never reach the issue, summary, outputs, report, annotations or log', async () => {
    const planted = Object.entries({ ...SECRETS, 'private key': KEY_BLOCK.join('\n') });
    // One failed job per secret (each secret inside its reason's excerpt), and a token in a job's name.
    const failures = Object.fromEntries(
      planted.map(([kind, value]) => [`test (${kind})`, secretLog(kind, value)]),
    );
    failures[`lint (${SECRETS['github token']})`] = secretLog('nothing', 'none');
    const jobs = matrixJobs(planted.length + 4, failures).map((job) =>
      job.name.startsWith('lint (')
        ? {
            ...job,
            // A check-run annotation (a test reporter's) carrying a secret: re-annotated at its file:line.
            annotations: [
              {
                path: 'src/api.py',
                start_line: 3,
                annotation_level: 'failure' as const,
                message: `request failed with ${SECRETS['auth header']}`,
              },
            ],
          }
        : job,
    );
    const run = addRun(sim, jobs);
    const step = await analyse(
      sim,
      node,
      { 'run-id': String(run.id), escalate: 'issue', 'report-path': `report-${label}.json` },
      { workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs['issue-number']).not.toBe('');

    const reportFile = await readFile(path.join(work, `report-${label}.json`), 'utf8');
    const issue = issuesOf(sim)[0];
    const written = {
      issue: `${issue?.title}\n${issue?.body}`,
      summary: step.summary,
      outputs: JSON.stringify(step.outputs),
      report: reportFile,
      annotations: JSON.stringify(step.annotations),
      log: step.log,
    };
    for (const [where, text] of Object.entries(written)) {
      for (const secret of NEVER)
        expect({ where, leaked: text.includes(secret) ? secret : null }).toEqual({ where, leaked: null });
    }
    // The failure is still explained around them.
    expect(step.summary).toContain('assert 500 == 201');
    expect(reportFile).toContain('***');
    for (const kind of Object.keys(SECRETS)) expect(step.summary).toContain(`captured ${kind}: `);
  });
});
