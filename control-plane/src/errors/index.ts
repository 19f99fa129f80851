export * from './domain-error.js';
export { statusOf } from './status.js';
export { asTransientError } from './transient.js';
