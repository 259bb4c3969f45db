/** Gate maths: changed lines, path mapping, diff coverage, benchmark deltas, complexity, conditions. */
export * from './benchmarks';
export * from './complexity';
export * from './conditions';
export * from './coverage';
export * from './diff';
export * from './evaluate';
export * from './paths';
