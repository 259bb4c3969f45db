import * as core from '@actions/core';
import type { Summary } from './summary';

/** The part of @actions/core's summary that writing needs (tests pass a fake). */
export interface SummaryWriter {
  addRaw(text: string, addEOL?: boolean): SummaryWriter;
  write(options?: { overwrite?: boolean }): Promise<unknown>;
}

/** Appends the rendered summary to the step's job summary (GITHUB_STEP_SUMMARY). Nothing is written when it is empty. */
export async function writeJobSummary(summary: Summary, writer: SummaryWriter = core.summary): Promise<void> {
  if (summary.isEmpty()) return;
  await writer.addRaw(summary.render()).write();
}
