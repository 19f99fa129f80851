// Public API of @luster/contract; this file only re-exports.
export { type ErrorCode, errorCodes, isErrorCode } from './error-codes.js';
