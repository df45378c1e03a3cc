/** The domain layer in one import: types and rules (docs/architecture.md, "Glossary"). */
export type * from './types';
export * from './labels';
export * from './assignment-lifecycle';
export * from './holidays';
export * from './workdays';
export * from './deadlines';
export * from './credit-code';
export * from './phone';
export * from './doc-number';
export * from './canonical-json';
export * from './half-width';
export * from './meeting';
export * from './similarity';
export * from './settings-rules';
export type * from './live';
export * from './integrity';
export * from './ink';
