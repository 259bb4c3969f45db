// Property: for every secret kind and every form the runner masks, with random text around it,
// split points inside it and chunk boundaries through it, the secret never comes out.
import { describe, expect, test } from '@jest/globals';
import { Redactor } from '@qeml/action-kit';
import fc from 'fast-check';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = (min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });
const b64url = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...`${ALNUM}-_`), minLength: min, maxLength: max });

/** Text around a secret: words, punctuation, line breaks; never a letter or digit touching it. */
const surrounding = fc
  .array(fc.oneof(fc.constantFrom(' ', '\n', ', ', ': ', '"', '(', ')', '=', '\t', '| '), alnum(1, 8)), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''))
  .map((text) => ` ${text} `);

/** What may be inserted into a secret by the way it is logged. */
const splitter = fc.constantFrom('\n', '\r\n', '\u001b[0m', '\u001b[1;32m', '\u200b', '\ufeff');

interface Case {
  /** The text holding the secret. */
  text: string;
  /** A string that must not appear in the output (with line breaks etc. taken out). */
  secret: string;
  redactor: Redactor;
}

const shapes: Record<string, fc.Arbitrary<string>> = {
  'GitHub token': fc
    .tuple(fc.constantFrom('ghp', 'gho', 'ghu', 'ghs', 'ghr'), alnum(36))
    .map(([p, s]) => `${p}_${s}`),
  'fine-grained PAT': fc.tuple(alnum(22), alnum(59)).map(([a, b]) => `github_pat_${a}_${b}`),
  'AWS key id': fc
    .tuple(
      fc.constantFrom('AKIA', 'ASIA'),
      fc.string({
        unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
        minLength: 16,
        maxLength: 16,
      }),
    )
    .map(([p, s]) => p + s),
};

const keyedShapes: Record<string, fc.Arbitrary<{ text: string; secret: string }>> = {
  JWT: fc
    .tuple(b64url(4, 40), b64url(4, 60), b64url(8, 40))
    .map(([h, p, s]) => ({ text: `eyJ${h}.eyJ${p}.${s}`, secret: `.eyJ${p}.${s}` })),
  'STS JSON': alnum(20, 40).map((s) => ({ text: `{"SecretAccessKey": "${s}/x+"}`, secret: `${s}/x+` })),
  'URL credentials': fc
    .tuple(alnum(3, 10), alnum(6, 20))
    .map(([u, p]) => ({ text: `https://${u}:${p}@host.example.test/path`, secret: `${u}:${p}` })),
  'Authorization header': alnum(12, 40).map((s) => ({ text: `Authorization: Bearer ${s}`, secret: s })),
  'private key': alnum(40, 200).map((s) => ({
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${s}\n-----END OPENSSH PRIVATE KEY-----`,
    secret: s,
  })),
  'PGP key': alnum(40, 200).map((s) => ({
    text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${s}\n-----END PGP PRIVATE KEY BLOCK-----`,
    secret: s,
  })),
};

/** A registered value (any printable text, accents included) in one of the forms the runner masks. */
const registeredForms: Record<string, (value: string) => string> = {
  plain: (v) => v,
  'URI component': (v) => encodeURIComponent(v),
  'JSON string': (v) => JSON.stringify(v).slice(1, -1),
  hex: (v) => Buffer.from(v).toString('hex'),
  NFD: (v) => v.normalize('NFD'),
};
const registeredValue = fc.string({
  unit: fc.constantFrom(...`${ALNUM}-_.!@#$%^&*()/ "\\éüß`),
  minLength: 8,
  maxLength: 40,
});

/** Puts a splitter into the secret at a random point (only for what may be split in a log). */
function split(text: string, at: number, insert: string): string {
  const point = 1 + (at % Math.max(1, text.length - 1));
  return text.slice(0, point) + insert + text.slice(point);
}

const joined = (text: string) =>
  text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|[\r\n\u200b-\u200d\u2060\ufeff\u00ad]/g, '');

/** Redacts in one piece and through a stream cut at the given sizes; both must hide the secret. */
function check({ text, secret, redactor }: Case, chunkSizes: number[]): void {
  const whole = redactor.redact(text);
  expect(joined(whole)).not.toContain(joined(secret));
  const stream = redactor.stream();
  let out = '';
  let position = 0;
  for (let i = 0; position < text.length; i++) {
    const size = chunkSizes[i % chunkSizes.length] ?? 1;
    out += stream.write(text.slice(position, position + size));
    position += size;
  }
  out += stream.end();
  expect(out).toBe(whole);
}

const chunks = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 });
const RUNS = { numRuns: 150 };
// Long filler, so the stream really holds back and releases text (it keeps ~16 KiB).
const filler = 'ordinary log line with words, numbers 12 and punctuation.\n'.repeat(400);

describe('redaction property', () => {
  test.each(Object.entries(shapes))('%s: surrounded, split, streamed', (_, shape) => {
    fc.assert(
      fc.property(
        shape,
        surrounding,
        surrounding,
        fc.nat(),
        splitter,
        fc.boolean(),
        chunks,
        (secret, before, after, at, insert, doSplit, sizes) => {
          const body = doSplit ? split(secret, at, insert) : secret;
          check({ text: `${filler}${before}${body}${after}${filler}`, secret, redactor: new Redactor() }, [
            ...sizes,
            5000,
          ]);
        },
      ),
      RUNS,
    );
  });

  test.each(Object.entries(keyedShapes))('%s: surrounded and streamed', (_, shape) => {
    fc.assert(
      fc.property(shape, surrounding, surrounding, chunks, (found, before, after, sizes) => {
        check(
          { text: `${filler}${before}${found.text}${after}`, secret: found.secret, redactor: new Redactor() },
          [...sizes, 3000],
        );
      }),
      RUNS,
    );
  });

  test.each(Object.entries(registeredForms))(
    'registered value, %s form: surrounded, split, streamed',
    (_, form) => {
      fc.assert(
        fc.property(
          registeredValue,
          surrounding,
          surrounding,
          fc.nat(),
          splitter,
          fc.boolean(),
          chunks,
          (value, before, after, at, insert, doSplit, sizes) => {
            fc.pre(value.trim().length >= 4);
            const redactor = new Redactor().add(value);
            const secret = form(value);
            const body = doSplit ? split(secret, at, insert) : secret;
            check({ text: `${before}${body}${after}${filler}`, secret, redactor }, [...sizes, 7000]);
          },
        ),
        RUNS,
      );
    },
  );

  test('registered value inside base64 at any byte offset', () => {
    fc.assert(
      fc.property(
        registeredValue,
        fc.uint8Array({ maxLength: 7 }),
        fc.uint8Array({ maxLength: 7 }),
        (value, head, tail) => {
          fc.pre(Buffer.byteLength(value) >= 9);
          const redactor = new Redactor().add(value);
          const bytes = Buffer.concat([head, Buffer.from(value), tail]);
          const encoded = bytes.toString('base64');
          // The characters that only the value's own bytes determine.
          const first = Math.ceil(head.length / 3) * 4;
          const last = Math.floor((head.length + Buffer.byteLength(value)) / 3) * 4;
          const inner = encoded.slice(first, last);
          fc.pre(inner.length >= 8);
          expect(redactor.redact(`data: ${encoded} end`)).not.toContain(inner);
        },
      ),
      RUNS,
    );
  });
});
