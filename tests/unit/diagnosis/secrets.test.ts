/** Secrets planted in a log (every kind action-kit redacts) never reach the JSON or the text output. */
import { describe, expect, test } from '@jest/globals';
import { Redactor } from '@qeml/action-kit';
import { runCli } from '@qeml/cli';
import { renderJson, renderMarkdown, renderText } from '@qeml/diagnosis';
import { captureIO } from '../../support/cli';
import { withTempDir, writeFiles } from '../../support/temp';
import { analyzeText, githubLog } from './helpers';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const FINE_GRAINED = `github_pat_11ABCDEFG0${'x7Y8z9'.repeat(10)}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjE3MTQ2NDAwMDB9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const URL_PASSWORD = 'hunter2-url-password';
const BEARER = 'bearer-secret-0123456789abcdef';
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
const REGISTERED = 'registered-secret-value-42';

/** Every secret sits on an error line or right next to one, so it lands in an excerpt. */
const log = githubLog([
  '##[group]Run ./deploy.sh',
  '##[endgroup]',
  `error: push rejected for https://deploy:${URL_PASSWORD}@git.example.com/app.git`,
  `fatal: token ${TOKEN} is not valid`,
  `error: fine-grained token ${FINE_GRAINED} expired`,
  `Error: JWT ${JWT} rejected`,
  `error: aws_access_key_id=${AWS_KEY} denied`,
  `error: aws_secret_access_key = ${AWS_SECRET}`,
  `error: request failed with Authorization: Bearer ${BEARER}`,
  'error: cannot parse the deploy key:',
  '-----BEGIN RSA PRIVATE KEY-----',
  KEY_BODY,
  '-----END RSA PRIVATE KEY-----',
  `error: the API said ${REGISTERED} is wrong`,
  '##[error]Process completed with exit code 1.',
]);
const SECRETS = [TOKEN, FINE_GRAINED, JWT, AWS_KEY, AWS_SECRET, URL_PASSWORD, BEARER, KEY_BODY, REGISTERED];

function expectNoSecret(output: string) {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
  // Not even a recognisable part of one.
  expect(output).not.toContain(TOKEN.slice(0, 16));
  expect(output).not.toContain(KEY_BODY.slice(0, 16));
}

describe('redaction of findings', () => {
  test('the engine: titles and excerpts in JSON and text carry no secret', async () => {
    const redactor = new Redactor().add(REGISTERED);
    const analysis = await analyzeText(log, { deps: { redactor }, locator: { maxFindings: 10 } });
    // Every planted line is shown somewhere, so the assertions below are not vacuous.
    for (let line = 3; line <= 14; line++) {
      expect(analysis.findings.some((f) => f.start <= line && line <= f.end)).toBe(true);
    }
    expectNoSecret(renderJson([analysis]));
    expectNoSecret(renderText([analysis], { findings: 10 }));
    expectNoSecret(renderMarkdown([analysis], { findings: 10 }));
  });

  test('excerpts keep their line count (a redacted key block is *** per line)', async () => {
    const analysis = await analyzeText(log, { locator: { maxFindings: 10 } });
    for (const finding of analysis.findings) {
      expect(finding.excerpt.split('\n')).toHaveLength(finding.end - finding.start + 1);
    }
  });

  test('a PGP private key block next to the failure is masked on every line', async () => {
    const body = 'lQOYBGYx1234567890abcdefPGPsecretbodyline';
    const pgp = githubLog([
      'gpg: importing the signing key',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      '',
      body,
      '=a1B2',
      '-----END PGP PRIVATE KEY BLOCK-----',
      'gpg: decryption failed: No secret key',
      'error: signing failed',
      '##[error]Process completed with exit code 2.',
    ]);
    const analysis = await analyzeText(pgp, { locator: { maxFindings: 10 } });
    expect(analysis.findings.some((f) => f.start <= 4 && 4 <= f.end)).toBe(true);
    expect(renderJson([analysis])).not.toContain(body.slice(0, 12));
    for (const finding of analysis.findings) {
      expect(finding.excerpt.split('\n')).toHaveLength(finding.end - finding.start + 1);
    }
  });

  test('a secret cut by the line-length cap is dropped whole, never left half visible', async () => {
    const long = githubLog([
      `error: ${'x '.repeat(300)}${TOKEN} and more`,
      '##[error]Process completed with exit code 1.',
    ]);
    const analysis = await analyzeText(long);
    expectNoSecret(renderJson([analysis]));
  });

  test.each(['json', 'text'])('qeml analyze --format %s prints no secret', async (format) => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'job.log': log });
      const io = captureIO(dir);
      expect(await runCli(['analyze', '--format', format, 'job.log'], io)).toBe(0);
      for (const secret of SECRETS.filter((s) => s !== REGISTERED)) expect(io.out()).not.toContain(secret);
      expect(io.out()).toContain('***');
    });
  });
});
