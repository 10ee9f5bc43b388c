import { describe, expect, it } from 'vitest';
import { JobFailure, MAX_BACKOFF_MS, computeBackoff } from '../src/index.ts';

describe('computeBackoff', () => {
  it('grows exponentially with jitter between half and all of the nominal delay', () => {
    expect(computeBackoff(1, 1000, undefined, () => 0)).toBe(500);
    expect(computeBackoff(1, 1000, undefined, () => 1)).toBe(1000);
    expect(computeBackoff(4, 1000, undefined, () => 1)).toBe(8000);
    expect(computeBackoff(4, 1000, undefined, () => 0)).toBe(4000);
  });
  it('is capped', () => {
    expect(computeBackoff(40, 1000, undefined, () => 1)).toBe(MAX_BACKOFF_MS);
  });
  it('honours Retry-After', () => {
    expect(computeBackoff(1, 1000, new JobFailure('KHABAR_E_FETCH_RATE_LIMITED: 429', 42_000))).toBe(42_000);
  });
});
