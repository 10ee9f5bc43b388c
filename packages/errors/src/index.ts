export { ERROR_CATALOGUE, type ErrorCode, isErrorCode } from './catalogue.ts';
export {
  KhabarError,
  PermanentError,
  RetryLaterError,
  ContractViolationError,
  formatReason,
  parseReason,
  toKhabarError,
  type KhabarErrorOptions,
  type ContractIssue,
  type ParsedReason,
} from './errors.ts';
