import { runner } from './runner';
import type { Summary } from './summary';

/** Where a job summary is written (`runner.summary`; tests pass a fake). */
export interface SummaryWriter {
  addRaw(text: string, addEOL?: boolean): SummaryWriter;
  write(options?: { overwrite?: boolean }): Promise<unknown>;
}

/** Appends the rendered summary to the step's job summary (GITHUB_STEP_SUMMARY). Nothing is written when it is empty. */
export async function writeJobSummary(
  summary: Summary,
  writer: SummaryWriter = runner.summary,
): Promise<void> {
  if (summary.isEmpty()) return;
  await writer.addRaw(summary.render()).write();
}
