// `pnpm reports:corpus <dir>`: parses every file of a report corpus (a folder with an expected.json,
// such as ../shared/corpus/reports) and compares it with the expected totals. A dev check, not a test.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type CorpusEntry, checkEntry } from './lib/reports-corpus';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: pnpm reports:corpus <corpus dir with expected.json>');
  process.exit(2);
}
const root = resolve(dir);
const entries = JSON.parse(await readFile(join(root, 'expected.json'), 'utf8')) as CorpusEntry[];
let passed = 0;
for (const entry of entries) {
  const outcome = await checkEntry(root, entry);
  if (outcome.ok) passed++;
  console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${entry.file}`);
  for (const mismatch of outcome.mismatches) console.log(`       ${mismatch}`);
}
console.log(`\n${passed}/${entries.length} match`);
process.exitCode = passed === entries.length ? 0 : 1;
