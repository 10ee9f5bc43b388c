import { describe, expect, it } from 'vitest';
import { ContractViolationError, ERROR_CATALOGUE, PermanentError, RetryLaterError, formatReason, parseReason, toKhabarError } from '../src/index.ts';

describe('errors', () => {
  it('encodes retry policy in the class and the catalogue', () => {
    expect(new PermanentError('KHABAR_E_FETCH_HTTP_4XX', '404').retryable).toBe(false);
    const later = new RetryLaterError('KHABAR_E_FETCH_RATE_LIMITED', '429', { retryAfterMs: 5000 });
    expect(later.retryable).toBe(true);
    expect(later.retryAfterMs).toBe(5000);
    expect(toKhabarError(new Error('boom')).code).toBe('KHABAR_E_INTERNAL');
    expect(toKhabarError(new Error('boom')).retryable).toBe(true);
  });
  it('round-trips failed-job reasons', () => {
    const reason = formatReason('KHABAR_E_FETCH_TOO_LARGE', 'body over 5 MB: stopped');
    expect(parseReason(reason)).toEqual({ code: 'KHABAR_E_FETCH_TOO_LARGE', message: 'body over 5 MB: stopped' });
    expect(parseReason('TypeError: x is undefined').code).toBe('KHABAR_E_INTERNAL');
    expect(parseReason('KHABAR_E_NOT_A_CODE: y').code).toBe('KHABAR_E_INTERNAL');
  });
  it('names every zod issue in a contract violation', () => {
    const e = new ContractViolationError('parse', [{ path: 'fetch.archiveKey', message: 'Required' }, { path: '', message: 'bad' }]);
    expect(e.message).toContain('fetch.archiveKey: Required');
    expect(e.message).toContain('(root): bad');
    expect(e.retryable).toBe(false);
  });
  it('documents every code in docs/errors.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(doc).toContain(code);
  });
});
