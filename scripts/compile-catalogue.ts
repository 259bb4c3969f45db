// `pnpm catalogue`: validates packages/diagnosis/catalogue/*.yaml and writes
// packages/diagnosis/src/catalogue/builtin.generated.ts (committed). `--check` only reports
// whether the committed file is fresh. `pnpm build` runs the same step before bundling.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedCatalogue } from './lib/catalogue/compile';
import { repoRoot } from './lib/repo';

/** Writes the generated catalogue when it changed; returns what happened, for the log. */
export function writeCatalogue(root: string = repoRoot): string {
  const generated = generatedCatalogue(root);
  if (!generated) return 'no failure catalogue in this checkout';
  const name = relative(root, generated.path);
  if (existsSync(generated.path) && readFileSync(generated.path, 'utf8') === generated.text)
    return `${name} is up to date`;
  writeFileSync(generated.path, generated.text);
  return `wrote ${name}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv.includes('--check')) {
      const generated = generatedCatalogue(repoRoot);
      if (generated && readFileSync(generated.path, 'utf8') !== generated.text) {
        console.error(`${relative(repoRoot, generated.path)} is stale: run pnpm catalogue`);
        process.exit(1);
      }
      console.log('the failure catalogue is valid and its generated file fresh');
    } else {
      console.log(writeCatalogue());
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
