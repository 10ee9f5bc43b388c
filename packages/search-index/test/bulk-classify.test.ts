import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { classifyItemStatus, classifyRequestError } from '../src/index.ts';
import { describeEsError, retryDelayMs } from '../src/bulk-classify.ts';

describe('bulk outcome classification', () => {
  it.each([
    [200, 'ok'],
    [201, 'ok'],
    [429, 'retry'],
    [503, 'retry'],
    [404, 'retry'],
    [400, 'reject'],
    [409, 'reject'],
  ] as const)('item status %i -> %s', (status, outcome) => {
    expect(classifyItemStatus(status)).toBe(outcome);
  });

  it('treats connection failures as transient and a 400 request as permanent', () => {
    expect(classifyRequestError(new errors.ConnectionError('ECONNREFUSED'))).toBe('retry');
    expect(classifyRequestError(new errors.TimeoutError('timeout'))).toBe('retry');
    const meta = (statusCode: number) => ({ statusCode, body: {}, headers: {}, warnings: null, meta: {} }) as unknown as ConstructorParameters<typeof errors.ResponseError>[0];
    expect(classifyRequestError(new errors.ResponseError(meta(400)))).toBe('reject');
    expect(classifyRequestError(new errors.ResponseError(meta(502)))).toBe('retry');
  });

  it('keeps ES reasons and their causes', () => {
    expect(describeEsError({ type: 'document_parsing_exception', reason: 'failed to parse field [publishedAt]', caused_by: { type: 'illegal_argument_exception', reason: 'bad date' } })).toBe(
      'document_parsing_exception: failed to parse field [publishedAt] (caused by illegal_argument_exception: bad date)',
    );
  });

  it('backs off exponentially with bounded jitter', () => {
    expect(retryDelayMs(1, 200, () => 0.5)).toBe(200);
    expect(retryDelayMs(3, 200, () => 0.5)).toBe(800);
    expect(retryDelayMs(3, 200, () => 0)).toBe(600);
  });
});
