// `pnpm lint` (after Biome): engines never touch the runner. In an engine folder no file imports
// @actions/*, action-kit's runner modules (or any name they export), nor reads process.env/stdout/
// stderr/exitCode: an engine gets its clock, logger and I/O through one `deps` object from its edge.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { repoRoot } from './lib/repo';

/** action-kit modules that talk to the runner: `runner`, the runner logger, job summary, `runAction`. */
export const RUNNER_MODULES = ['runner', 'runner-logger', 'job-summary', 'run'] as const;

/**
 * An action's edge, the only files of its src/ that may touch the runner: main.ts (glue: builds the
 * engine's deps from the process), inputs.ts (reads INPUT_* through action-kit), outputs.ts (takes a
 * Runner). Everything else in src/ is engine.
 */
export const RUNNER_EDGE_FILES = ['main.ts', 'inputs.ts', 'outputs.ts'] as const;

/** Packages that are engines through and through (pure: data in, result model out). */
export const ENGINE_PACKAGES = ['packages/diagnosis/src', 'packages/reports/src'] as const;

/** What an engine must not read from the process: the step's environment and the runner's streams. */
const PROCESS_MEMBERS = new Set(['env', 'stdout', 'stderr', 'exitCode']);

const KIT = '@qeml/action-kit';

export interface EngineFinding {
  /** Relative to the root that was linted. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The engine folders under `root` that exist: each action's src/, then the engine packages. */
export function engineFolders(root: string = repoRoot): string[] {
  const actions = join(root, 'actions');
  const actionSources = existsSync(actions)
    ? readdirSync(actions)
        .sort()
        .map((name) => join('actions', name, 'src'))
    : [];
  return [...actionSources, ...ENGINE_PACKAGES].filter((dir) => existsSync(join(root, dir)));
}

/** Every TypeScript file of the engine folders, minus each action's edge files. */
export function engineFiles(root: string = repoRoot): string[] {
  const files: string[] = [];
  for (const folder of engineFolders(root)) {
    const isAction = folder.startsWith('actions');
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir)).sort()) {
        const path = join(dir, entry);
        if (statSync(join(root, path)).isDirectory()) walk(path);
        else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
          const edge = isAction && dir === folder && (RUNNER_EDGE_FILES as readonly string[]).includes(entry);
          if (!edge) files.push(path);
        }
      }
    };
    walk(folder);
  }
  return files;
}

/** The names action-kit's runner modules export (so re-exports through its index are caught by name). */
export function runnerExportNames(
  kitSource: string = join(repoRoot, 'packages/action-kit/src'),
): Set<string> {
  const names = new Set<string>();
  for (const module of RUNNER_MODULES) {
    const file = join(kitSource, `${module}.ts`);
    if (!existsSync(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement)
        ? (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      )
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      if (!exported) continue;
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        names.add((statement.name as ts.Identifier).text);
      }
    }
  }
  return names;
}

/** Why a module specifier is the runner, or undefined when it is not. */
function runnerModule(specifier: string): string | undefined {
  if (specifier.startsWith('@actions/')) return `imports ${specifier}`;
  const deep = specifier.match(/(?:@qeml\/action-kit|action-kit\/src)\/([\w-]+?)(?:\.ts|\.js)?$/);
  if (deep && (RUNNER_MODULES as readonly string[]).includes(deep[1] ?? ''))
    return `imports action-kit's ${deep[1]} module`;
  return undefined;
}

const isProcess = (node: ts.Node): boolean =>
  (ts.isIdentifier(node) && node.text === 'process') ||
  (ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'globalThis' &&
    node.name.text === 'process');

/** The findings in one engine file's text. */
export function lintEngineSource(file: string, text: string, runnerNames: Set<string>): EngineFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: EngineFinding[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ file, line: line + 1, column: character + 1, message });
  };
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    const why = runnerModule(specifier);
    if (why) report(node, `${why}: engines get what they need through deps (scripts/lint-engines.ts)`);
  };
  const checkNames = (specifier: string, names: readonly ts.ImportOrExportSpecifier[]) => {
    if (specifier !== KIT) return;
    for (const element of names) {
      const name = (element.propertyName ?? element.name).text;
      if (runnerNames.has(name)) report(element, `uses '${name}' from ${KIT}, which talks to the runner`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      checkSpecifier(node, specifier);
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) checkNames(specifier, bindings.elements);
      if (bindings && ts.isNamespaceImport(bindings) && specifier === KIT)
        report(node, `imports all of ${KIT}, runner included: import the names the engine uses`);
      if (/^(node:)?process$/.test(specifier)) {
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements)
            if (PROCESS_MEMBERS.has((element.propertyName ?? element.name).text))
              report(
                element,
                `imports process.${(element.propertyName ?? element.name).text}: pass it in through deps`,
              );
        } else
          report(node, `imports ${specifier}: what the engine needs from the process comes through deps`);
      }
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      checkSpecifier(node, node.moduleSpecifier.text);
      if (!node.exportClause && node.moduleSpecifier.text === KIT)
        report(node, `re-exports all of ${KIT}, runner included: export the names the engine uses`);
      if (node.exportClause && ts.isNamedExports(node.exportClause))
        checkNames(node.moduleSpecifier.text, node.exportClause.elements);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      checkSpecifier(node, node.arguments[0].text);
    } else if (ts.isPropertyAccessExpression(node) && isProcess(node.expression)) {
      if (PROCESS_MEMBERS.has(node.name.text))
        report(node, `reads process.${node.name.text}: pass it in through deps`);
    } else if (
      ts.isElementAccessExpression(node) &&
      isProcess(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      PROCESS_MEMBERS.has(node.argumentExpression.text)
    ) {
      report(node, `reads process.${node.argumentExpression.text}: pass it in through deps`);
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      isProcess(node.initializer)
    ) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) && PROCESS_MEMBERS.has(key.text))
          report(element, `reads process.${key.text}: pass it in through deps`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Lints every engine file under `root`; `kitSource` is where action-kit's runner modules are. */
export function lintEngines(
  root: string = repoRoot,
  kitSource: string = join(repoRoot, 'packages/action-kit/src'),
): EngineFinding[] {
  const names = runnerExportNames(kitSource);
  return engineFiles(root).flatMap((file) =>
    lintEngineSource(file, readFileSync(join(root, file), 'utf8'), names),
  );
}

export function formatEngineFinding(f: EngineFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.message}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? (process.argv[rootFlag + 1] ?? repoRoot) : repoRoot;
  const findings = lintEngines(root);
  for (const finding of findings) console.error(formatEngineFinding(finding));
  if (findings.length > 0) {
    console.error(
      `${findings.length} runner access(es) in engine folders; see docs/architecture.md, "The engine contract".`,
    );
    process.exit(1);
  }
  const folders = engineFolders(root).map((folder) => relative('.', join(root, folder)) || folder);
  console.log(`${engineFiles(root).length} engine file(s) in ${folders.join(', ')}: no runner access.`);
}
