// One test per redaction finding of the security review (issue: harden retry and action-kit).
import { describe, expect, test } from '@jest/globals';
import { Redactor, redact, redactThenTruncate } from '@qeml/action-kit';

const alnum = (n: number, seed = 7) =>
  Array.from({ length: n }, (_, i) => 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0zA'[(i * seed + 3) % 32]).join('');
const ghp = `ghp_${alnum(36)}`;

describe('secrets split by what a log inserts', () => {
  test.each([
    ['a line break', '\n'],
    ['a CRLF', '\r\n'],
    ['an ANSI colour code', '\u001b[31m'],
    ['a zero-width space', '\u200b'],
  ])('a GitHub token split by %s', (_, insert) => {
    const split = `${ghp.slice(0, 17)}${insert}${ghp.slice(17)}`;
    const out = redact(`token=${split} next`);
    expect(out).toBe('token=*** next');
  });

  test('a registered value wrapped over two lines', () => {
    const redactor = new Redactor().add('correct-horse-battery-staple');
    expect(redactor.redact('pw: correct-horse-\nbattery-staple ok')).toBe('pw: *** ok');
  });

  test('a token at the end of a line does not swallow the next line', () => {
    expect(redact(`${ghp}\nAlpha line`)).toBe('***\nAlpha line');
  });
});

describe('encoded forms of registered values (the runner masks these too)', () => {
  const secret = 'hunter2-is-my-password';
  const redactor = new Redactor().add(secret);

  test.each([0, 1, 2, 3, 4, 5])('base64 of a text holding the secret at byte offset %i', (offset) => {
    const text = Buffer.from(`${'x'.repeat(offset)}${secret}tail`).toString('base64');
    const out = redactor.redact(text);
    const stable = Buffer.from(secret).toString('base64').slice(4, -4);
    expect(out).toContain('***');
    expect(Buffer.from(out.replaceAll('*', ''), 'base64').toString('latin1')).not.toContain(
      secret.slice(3, -3),
    );
    if (offset === 0) expect(out).not.toContain(stable);
  });

  test('JSON-escaped form', () => {
    const quoted = new Redactor().add('say "hi"\\now');
    expect(quoted.redact(JSON.stringify({ v: 'say "hi"\\now' }))).toBe('{"v":"***"}');
  });

  test('hex forms', () => {
    const hex = Buffer.from(secret).toString('hex');
    expect(redactor.redact(`dump ${hex} ${hex.toUpperCase()}`)).toBe('dump *** ***');
  });

  test('NFD form of an NFC secret', () => {
    const nfc = new Redactor().add('café-secret-é');
    expect(nfc.redact(`x ${'café-secret-é'.normalize('NFD')} y`)).toBe('x *** y');
  });
});

describe('secret shapes the review found missing', () => {
  test('PGP private key blocks', () => {
    const block =
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0abc\n=x1y2\n-----END PGP PRIVATE KEY BLOCK-----';
    expect(redact(`key:\n${block}\ndone`)).toBe('key:\n***\ndone');
  });

  test('AWS STS credentials in JSON keep their key names', () => {
    const sts = JSON.stringify({
      Credentials: {
        AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        SessionToken: 'FwoGZXIvYXdzEBYaDH+example/token+value==',
      },
    });
    const out = redact(sts);
    expect(out).toBe('{"Credentials":{"AccessKeyId":"***","SecretAccessKey":"***","SessionToken":"***"}}');
  });

  test('URL passwords holding a slash, and scheme-less credentials', () => {
    expect(redact('git clone https://bot:pa/ss@git.example.com/r.git')).toBe(
      'git clone https://***@git.example.com/r.git',
    );
    expect(redact('url=//deploy:s3cr3t@registry.example.test/x')).toBe('url=//***@registry.example.test/x');
  });

  test('a port and an @ in the path are not credentials', () => {
    const text = 'GET https://registry.example.test:8080/@types/node 200';
    expect(redact(text)).toBe(text);
  });

  test('a folded Authorization header', () => {
    expect(redact('Authorization:\n  Bearer abc.def.ghi\nnext: 1')).toBe(
      'Authorization:\n  Bearer ***\nnext: 1',
    );
  });

  test('overlapping secrets become one mask', () => {
    const redactor = new Redactor().add('abcdef-secret').add('secret-ghijkl');
    expect(redactor.redact('[abcdef-secret-ghijkl]')).toBe('[***]');
  });
});

describe('redact, then cut', () => {
  test('a secret straddling the cut leaks no prefix', () => {
    const text = `${'x'.repeat(60)} ${ghp} and more`;
    const out = redactThenTruncate(text, 80);
    expect(out).not.toContain('ghp_');
    expect(out).toBe(`${'x'.repeat(60)} *** and more`);
    expect(redactThenTruncate('y'.repeat(100), 10)).toBe(`${'y'.repeat(9)}…`);
  });
});

describe('linear time on hostile text', () => {
  test('32 MB of BEGIN markers with one distant END is one pass', () => {
    const text = `${'-----BEGIN RSA PRIVATE KEY-----\n'.repeat(1_000_000)}-----END RSA PRIVATE KEY-----`;
    const started = process.hrtime.bigint();
    const out = redact(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(out.includes('BEGIN')).toBe(false);
    // Not a timing assertion: a quadratic scan takes minutes here; this only bounds a hang.
    expect(ms).toBeLessThan(30_000);
  });
});

describe('streaming redaction', () => {
  test('a secret cut by chunk boundaries never comes out', () => {
    const redactor = new Redactor().add('stream-secret-value');
    const text = `${'line of output\n'.repeat(3000)}here stream-secret-value and ${ghp}\n${'tail\n'.repeat(3000)}`;
    for (const size of [1, 7, 4096, 16_500]) {
      const stream = redactor.stream();
      let out = '';
      for (let i = 0; i < text.length; i += size) out += stream.write(text.slice(i, i + size));
      out += stream.end();
      expect(out).not.toContain('stream-secret-value');
      expect(out).not.toContain('ghp_');
      expect(out).toBe(redactor.redact(text));
    }
  });
});

describe('redacting lines, keeping their count', () => {
  test('a key spanning lines is masked on each of them, also when it began in the context lines', () => {
    const redactor = new Redactor();
    const lines = [
      'context',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXk',
      '-----END OPENSSH PRIVATE KEY-----',
      'after',
    ];
    expect(redactor.redactLines(lines)).toEqual(['context', '***', '***', '***', 'after']);
    expect(redactor.redactLines(lines, 2)).toEqual(['***', '***', 'after']);
  });
});
