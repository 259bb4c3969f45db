// The seed project's matrix (3 OS x 4 Python x 3 dependency sets = 36 jobs) and its rules.
import { type MatrixSpec, parseMatrix, parseRulesText } from '@qeml/preflight';

export const SEED_MATRIX_YAML = `
os: [ubuntu-latest, macos-latest, windows-latest]
python: ['3.9', '3.10', '3.11', '3.12']
deps: [minimal, latest, dev]
`;

export const SEED_RULES_YAML = `
docs:
  paths: ['docs/**', '**/*.md', 'mkdocs.yml']
  run: false
dependencies:
  paths: ['poetry.lock', 'uv.lock', 'requirements*.txt', 'pyproject.toml', 'environment.yml']
  full: true
workflows:
  paths: ['.github/**']
  full: true
source:
  paths: ['src/**']
  suites: [unit]
  matrix: { deps: [latest] }
gpu:
  paths: ['src/qeml/cuda/**']
  suites: [gpu]
  matrix: { os: [ubuntu-latest], deps: [latest] }
tests:
  paths: ['tests/**']
  suites: [unit, integration]
  matrix: { deps: [latest] }
`;

export function seedMatrix(): MatrixSpec {
  const spec = parseMatrix(SEED_MATRIX_YAML);
  if (!spec) throw new Error('the seed matrix did not parse');
  return spec;
}
export const seedRules = () => parseRulesText(SEED_RULES_YAML);
