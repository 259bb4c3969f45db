export {
  builtinCatalogue,
  EXTRACTED_GROUPS,
  mergeCatalogue,
  parseUserPatterns,
  ripgrepPattern,
  ripgrepPatternFile,
  type SignatureOverride,
  type UserPatterns,
  UserPatternsError,
} from './catalogue';
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
