// Public API of @luster/contract; this file only re-exports.
export { apolloErrorCodes, type ErrorCode, errorCodes, isErrorCode } from './error-codes.js';
