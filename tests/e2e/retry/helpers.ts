/** Shared helpers of the retry e2e tests: run the bundle, pick annotations. */
import type { StepResult } from '@qeml/local-runner';
import { type BundleRunOptions, runBundle } from '../../support/bundle';

export function runRetryBundle(node: string, inputs: Record<string, string>, options: BundleRunOptions = {}) {
  return runBundle('retry', { node, inputs: { delay: '0', ...inputs }, ...options });
}

export const errors = (step: StepResult) => step.annotations.filter((a) => a.level === 'error');
export const warnings = (step: StepResult) => step.annotations.filter((a) => a.level === 'warning');
