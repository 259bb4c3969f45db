export { toContract } from './contract';
export { normalizePath } from './coverage';
export {
  DEFAULT_LIMITS,
  type ReportDeps,
  ReportInputError,
  type ReportLimits,
  type ReportSource,
} from './deps';
export { fileSource } from './file-source';
export { securitySeverityBand } from './findings';
export * from './gate';
export type * from './model';
export { isReportError, parseReport, parseReports, type ReportResult } from './parse';
export { reportsTable } from './text';
