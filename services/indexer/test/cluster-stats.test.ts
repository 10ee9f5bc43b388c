import { describe, expect, it } from 'vitest';
import { isNewerClusterStats } from '../src/cluster-update.ts';

describe('isNewerClusterStats', () => {
  it('takes a larger cluster, and at the same size only more sites', () => {
    expect(isNewerClusterStats({ size: 3, sources: ['a'] }, { size: 2, sources: ['a', 'b'] })).toBe(true);
    expect(isNewerClusterStats({ size: 2, sources: ['a', 'b'] }, { size: 2, sources: ['a'] })).toBe(true);
  });
  it('never takes a smaller cluster, the same figures, or other sites at the same size', () => {
    expect(isNewerClusterStats({ size: 2, sources: ['a', 'b', 'c'] }, { size: 3, sources: ['a'] })).toBe(false);
    expect(isNewerClusterStats({ size: 2, sources: ['a', 'b'] }, { size: 2, sources: ['b', 'a'] })).toBe(false);
    expect(isNewerClusterStats({ size: 2, sources: ['c'] }, { size: 2, sources: ['a'] })).toBe(false);
  });
});
