export * from './locale.ts';
export * from './messages.ts';
export * from './row-columns.ts';
export * from './theme.ts';
