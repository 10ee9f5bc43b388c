import { describe, expect, it } from 'vitest';
import { ContractViolationError } from '@khabar/errors';
import { PAYLOAD_SCHEMAS, PIPELINE, nextQueue, parsePayload } from '../src/index.ts';

const fetchJob = {
  v: 1,
  id: '0123456789abcdef0123456789abcdef',
  url: 'https://arabic.rt.com/world/1410',
  submittedUrl: 'https://arabic.rt.com/world/1410?utm_source=x',
  submittedAt: '2024-05-17T10:00:00.000Z',
};

describe('contracts', () => {
  it('has a schema for every queue, in pipeline order', () => {
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual([...PIPELINE].sort());
    expect(nextQueue('fetch')).toBe('parse');
    expect(nextQueue('index')).toBeUndefined();
  });
  it('parses a valid payload and fills defaults', () => {
    expect(parsePayload('fetch', fetchJob).submission).toEqual({});
  });
  it('fails with the zod issues named, not a stack trace', () => {
    const bad = { ...fetchJob, id: 'nope', v: 2 };
    expect(() => parsePayload('fetch', bad)).toThrow(ContractViolationError);
    try {
      parsePayload('parse', bad);
    } catch (err) {
      const e = err as ContractViolationError;
      expect(e.code).toBe('KHABAR_E_CONTRACT');
      expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['v', 'id', 'fetch']));
    }
  });
});
