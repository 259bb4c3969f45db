/**
 * `retry-on: transient`: each attempt's output goes through the diagnosis engine as it streams, and
 * a failed attempt is retried only when the engine classifies it transient. Loaded with `import()`
 * only when that rule is on, so a plain `run:` start never pays for the catalogue.
 */
import { builtinCatalogue, compileForAnalysis, LogAnalyzer } from '@qeml/diagnosis';

/** What the engine said about a failed attempt's output. */
export interface AttemptDiagnosis {
  verdict: string;
  transient: boolean;
  /** The top finding, for the per-attempt warning (`A connection was reset (ECONNRESET), line 412`). */
  finding?: { title: string; line: number; pattern: string | null };
}

export interface OutputWatch {
  write(chunk: Buffer): void;
  finish(): AttemptDiagnosis;
}

/** Starts a watch per attempt; the catalogue is compiled once per step. */
export function transientClassifier(): () => OutputWatch {
  const catalogue = compileForAnalysis(builtinCatalogue());
  return () => {
    const analyzer = new LogAnalyzer({ catalogue });
    return {
      write: (chunk) => analyzer.write(chunk),
      finish() {
        const analysis = analyzer.end('attempt output');
        const top = analysis.findings[0];
        return {
          verdict: analysis.verdict,
          transient: analysis.verdict === 'transient',
          ...(top
            ? { finding: { title: top.title, line: top.focus ?? top.start, pattern: top.pattern } }
            : {}),
        };
      },
    };
  };
}
