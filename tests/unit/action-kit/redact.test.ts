import { describe, expect, test } from '@jest/globals';
import { addSecret, REDACTED, Redactor, redact, redactDeep } from '@qeml/action-kit';

const base62 = (n: number) => 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0zA'.repeat(Math.ceil(n / 32)).slice(0, n);

describe('well-known secret shapes', () => {
  test.each(['ghp', 'gho', 'ghu', 'ghs', 'ghr'])('GitHub %s_ token', (prefix) => {
    const token = `${prefix}_${base62(36)}`;
    expect(redact(`token: ${token} end`)).toBe('token: *** end');
    expect(redact(`GITHUB_TOKEN=${token}`)).toBe('GITHUB_TOKEN=***');
  });

  test('a too-short ghp_ string is left alone', () => {
    expect(redact('ghp_short')).toBe('ghp_short');
  });

  test('fine-grained token', () => {
    expect(redact(`pat github_pat_11ABCDEFG0${base62(70)}_x.`)).toBe('pat ***.');
  });

  test('JWT', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(redact(`Bearer-less ${jwt}\n`)).toBe('Bearer-less ***\n');
  });

  test('AWS access key id and secret', () => {
    expect(redact('key AKIAIOSFODNN7EXAMPLE, temp ASIAIOSFODNN7EXAMPLE')).toBe('key ***, temp ***');
    expect(redact('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(
      'aws_secret_access_key = ***',
    );
    expect(redact('AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"')).toBe(
      'AWS_SECRET_ACCESS_KEY="***"',
    );
  });

  test('private key blocks, terminated or cut off', () => {
    const key =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234\nabcd==\n-----END RSA PRIVATE KEY-----';
    expect(redact(`before\n${key}\nafter`)).toBe('before\n***\nafter');
    expect(redact('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA')).toBe('***');
    expect(redact('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----')).toContain('MIIB');
  });

  test('credentials in URLs keep scheme and host', () => {
    expect(redact('cloning https://x-access-token:abc123@github.com/o/r.git')).toBe(
      'cloning https://***@github.com/o/r.git',
    );
    expect(redact('postgres://user:p%40ss@db:5432/x')).toBe('postgres://***@db:5432/x');
    expect(redact('see https://github.com/o/r and me@example.com')).toBe(
      'see https://github.com/o/r and me@example.com',
    );
  });

  test('Authorization headers', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer ***');
    expect(redact('authorization: token 0123456789')).toBe('authorization: token ***');
    expect(redact('"Authorization": "Basic dXNlcjpwYXNz"')).toBe('"Authorization": "Basic ***"');
    // A label naming the header before the header itself: the credential is still found.
    expect(redact('captured authorization: Authorization: Bearer abc.def-ghi')).toBe(
      'captured authorization: Authorization: Bearer ***',
    );
  });
});

describe('registered values', () => {
  test('values and their base64 and URL-encoded forms are masked', () => {
    const redactor = new Redactor().add('p@ss word/1');
    const base64 = Buffer.from('p@ss word/1').toString('base64');
    expect(redactor.redact('a p@ss word/1 b')).toBe('a *** b');
    expect(redactor.redact(`b64 ${base64}`)).toBe('b64 ***');
    expect(redactor.redact(`url ${encodeURIComponent('p@ss word/1')}`)).toBe('url ***');
  });

  test('each line of a multi-line secret is masked', () => {
    const redactor = new Redactor().add('first-line\nsecond-line');
    expect(redactor.redact('x second-line y')).toBe('x *** y');
  });

  test('values shorter than 4 characters are ignored so text is not destroyed', () => {
    const redactor = new Redactor().add('abc').add('').add(undefined);
    expect(redactor.redact('abc abcd')).toBe('abc abcd');
  });

  test('a longer secret wins over a shorter one it contains', () => {
    const redactor = new Redactor().add('secret').add('secret-and-more');
    expect(redactor.redact('[secret-and-more]')).toBe('[***]');
  });

  test('the shared instance', () => {
    addSecret('shared-kit-test-secret');
    expect(redact('x shared-kit-test-secret')).toBe('x ***');
  });
});

describe('redactDeep', () => {
  test('redacts strings at any depth, keys too, leaving other values', () => {
    const token = `ghs_${base62(40)}`;
    const input = { a: [token, 1, null, { [token]: true }], b: { c: `url https://u:p@h.io` }, n: 5 };
    expect(redactDeep(input)).toEqual({
      a: [REDACTED, 1, null, { [REDACTED]: true }],
      b: { c: 'url https://***@h.io' },
      n: 5,
    });
    expect(input.a[0]).toBe(token);
  });

  test('survives cycles', () => {
    const input: Record<string, unknown> = { s: 'AKIAIOSFODNN7EXAMPLE' };
    input.self = input;
    const out = redactDeep(input) as Record<string, unknown>;
    expect(out.s).toBe(REDACTED);
    expect(out.self).toBe(out);
  });
});

describe('hostile input', () => {
  test('a 5 MB string of near-misses completes', () => {
    const redactor = new Redactor().add('registered-secret');
    const chunks = [
      'eyJ'.repeat(1000),
      'eyJa.'.repeat(1000),
      'ghp_'.repeat(1000),
      'a'.repeat(5000),
      'http://'.repeat(500),
      'x:'.repeat(2000),
      '-----BEGIN PRIVATE KEY-----'.repeat(100),
      'authorization: '.repeat(200),
      ' '.repeat(5000),
    ].join('\n');
    const text = chunks.repeat(Math.ceil((5 * 1024 * 1024) / chunks.length));
    const out = redactor.redact(`${text}registered-secret`);
    expect(out.endsWith('***')).toBe(true);
  });

  test('a 5 MB log with real secrets keeps its size order and masks them', () => {
    const line = `step ok ghp_${base62(36)} done\n`;
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const out = redact(text);
    expect(out).not.toContain('ghp_');
    expect(out.split('\n')[0]).toBe('step ok *** done');
  });
});
