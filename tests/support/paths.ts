import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout the tests run in (tests/support/ -> repo root). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const distDir = (name: string): string => join(repoRoot, 'dist', name);
export const actionDir = (name: string): string => join(repoRoot, 'actions', name);
