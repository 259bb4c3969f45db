// Redaction throughput on real logs, and on the hostile case the security review found
// (32 MB of private-key BEGIN markers with one distant END), whole and streamed.
// Run: pnpm bench redact <corpus>/failure-logs/logs   (any folder of text files)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Redactor } from '@qeml/action-kit';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: pnpm bench redact <folder of logs>');
  process.exit(2);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const redactor = new Redactor().add('a-registered-secret-value').add('another one, 2');
const texts = files(folder).map((file) => readFileSync(file, 'latin1'));
const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;

function time(label: string, mb: number, body: () => void): void {
  const started = process.hrtime.bigint();
  body();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s ${(mb / seconds).toFixed(1).padStart(7)} MB/s  rss ${rss.toFixed(0)} MiB`,
  );
}

console.log(`${texts.length} logs, ${megabytes.toFixed(1)} MB`);
time('real logs, whole', megabytes, () => {
  for (const text of texts) redactor.redact(text);
});
time('real logs, streamed in 64 KiB chunks', megabytes, () => {
  for (const text of texts) {
    const stream = redactor.stream();
    for (let i = 0; i < text.length; i += 65536) stream.write(text.slice(i, i + 65536));
    stream.end();
  }
});
const hostile = `${'-----BEGIN RSA PRIVATE KEY-----\n'.repeat(1_000_000)}-----END RSA PRIVATE KEY-----`;
time('32 MB of BEGIN markers, one distant END', hostile.length / 1e6, () => {
  redactor.redact(hostile);
});
