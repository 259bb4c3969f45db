export * from './gate';
export type * from './model';
