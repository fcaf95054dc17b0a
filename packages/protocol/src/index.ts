export * from './messages.ts';
export * from './theme.ts';
