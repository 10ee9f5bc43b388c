import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_LAYOUT, layoutIndexSettings, parseIndexLayout } from '../src/index.ts';

describe('index layout', () => {
  it('defaults to one shard and auto-expanding replicas 0-1', () => {
    expect(parseIndexLayout(undefined, undefined)).toEqual(DEFAULT_INDEX_LAYOUT);
    expect(parseIndexLayout('', '')).toEqual({ shards: 1, replicas: '0-1' });
  });

  it('accepts fixed counts and auto-expand ranges', () => {
    expect(parseIndexLayout('3', '1')).toEqual({ shards: 3, replicas: '1' });
    expect(parseIndexLayout(6, '0-all')).toEqual({ shards: 6, replicas: '0-all' });
    expect(parseIndexLayout('2', '1-2')).toEqual({ shards: 2, replicas: '1-2' });
  });

  it('names the setting when a value is wrong', () => {
    expect(() => parseIndexLayout('0', '1')).toThrow(/KHABAR_INDEX_SHARDS/);
    expect(() => parseIndexLayout('two', '1')).toThrow(/KHABAR_INDEX_SHARDS/);
    expect(() => parseIndexLayout('1', 'many')).toThrow(/KHABAR_INDEX_REPLICAS/);
    expect(() => parseIndexLayout('1', '3-1')).toThrow(/ends below its start/);
  });

  it('a fixed replica count switches auto-expand off, a range sets it', () => {
    expect(layoutIndexSettings({ shards: 2, replicas: '1' })).toEqual({ number_of_shards: 2, number_of_replicas: 1, auto_expand_replicas: false });
    expect(layoutIndexSettings({ shards: 1, replicas: '0-1' })).toEqual({ number_of_shards: 1, auto_expand_replicas: '0-1' });
  });
});
