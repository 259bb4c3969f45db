// Runs the real @actions/cache in its own process (it reads its configuration from the
// environment): `node actions-cache-child.mjs save|restore '<json args>'`. Prints the library's own
// output, then one line `RESULT <json>`.
import { restoreCache, saveCache } from '@actions/cache';

const [operation, rawArgs] = process.argv.slice(2);
const args = JSON.parse(rawArgs ?? '{}');
try {
  const value =
    operation === 'save'
      ? await saveCache(args.paths, args.key)
      : await restoreCache(args.paths, args.key, args.restoreKeys ?? []);
  console.log(`RESULT ${JSON.stringify({ value: value ?? null })}`);
} catch (error) {
  console.log(`RESULT ${JSON.stringify({ error: { name: error.name, message: error.message } })}`);
}
