// The engine: scanner, locator, baseline diff, classifier and renderers.
export {
  type AnalyzedLog,
  type AnalyzerOptions,
  analyzeLog,
  compileForAnalysis,
  type DiagnosisDeps,
  LogAnalyzer,
  readBaseline,
} from './analyzer';
export { Baseline, normalizeLine } from './baseline';
export {
  builtinCatalogue,
  mergeCatalogue,
  parseUserPatterns,
  ripgrepPattern,
  ripgrepPatternFile,
  type SignatureOverride,
  type UserPatterns,
  UserPatternsError,
} from './catalogue';
export { type CompiledCatalogue, compileCatalogue } from './matcher';
export { renderJson, renderMarkdown, renderText, type TextOptions, toReport } from './report';
export { LogScanner, MAX_LINE_BYTES, type ScanStats } from './scanner';
export type {
  AnalysisReport,
  Category,
  Finding,
  LogAnalysis,
  Recovery,
  Severity,
  Signature,
  Verdict,
} from './types';
export { CATEGORIES, RECOVERIES, SEVERITIES, VERDICTS } from './types';
