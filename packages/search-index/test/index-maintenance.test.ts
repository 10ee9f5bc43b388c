import { describe, expect, it } from 'vitest';
import { IndexMaintenanceError } from '../src/maintenance-error.ts';
import { migrationTargetName } from '../src/migrate.ts';
import { decideCopy } from '../src/newest-wins.ts';
import { parseRolloverConditions, rolloverDisabled, toEsConditions } from '../src/rollover.ts';

describe('decideCopy (newest version wins)', () => {
  const at = (iso: string, size?: number) => ({ indexedAt: iso, ...(size === undefined ? {} : { cluster: { size } }) });

  it('creates what the target lacks', () => {
    expect(decideCopy(at('2026-01-01T00:00:00Z'), undefined)).toBe('create');
  });

  it('replaces an older version and never a newer one', () => {
    expect(decideCopy(at('2026-01-02T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe('replace');
    expect(decideCopy(at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z'))).toBe('skip');
    // Different spellings of instants are compared as instants, not as strings.
    expect(decideCopy(at('2026-01-01T01:00:00+00:00'), at('2026-01-01T00:30:00.000Z'))).toBe('replace');
  });

  it('with the same write, takes the bigger cluster (cluster updates only grow it)', () => {
    expect(decideCopy(at('2026-01-01T00:00:00Z', 3), at('2026-01-01T00:00:00Z', 2))).toBe('replace');
    expect(decideCopy(at('2026-01-01T00:00:00Z', 2), at('2026-01-01T00:00:00Z', 3))).toBe('skip');
    expect(decideCopy(at('2026-01-01T00:00:00Z', 2), at('2026-01-01T00:00:00Z', 2))).toBe('skip');
  });

  it('before the alias swap, a source that changed again wins a tie (role changes, not only sizes)', () => {
    expect(decideCopy({ ...at('2026-01-01T00:00:00Z', 2), cluster: { size: 2, role: 'original' } } as never, at('2026-01-01T00:00:00Z', 2), 'source')).toBe('replace');
    expect(decideCopy(at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z'), 'source')).toBe('skip');
  });

  it('treats a document without indexedAt as the oldest', () => {
    expect(decideCopy({}, at('2026-01-01T00:00:00Z'))).toBe('skip');
    expect(decideCopy(at('2026-01-01T00:00:00Z'), { indexedAt: 'garbage' })).toBe('replace');
  });
});

describe('parseRolloverConditions', () => {
  it('reads ages, counts and sizes; empty or 0 turns one off', () => {
    expect(parseRolloverConditions({ maxAge: '30d', maxDocs: '1000000', maxPrimarySize: '50GB' })).toEqual({ maxAge: '30d', maxDocs: 1_000_000, maxPrimarySize: '50gb' });
    const none = parseRolloverConditions({ maxAge: '', maxDocs: '0', maxPrimarySize: '0' });
    expect(none).toEqual({});
    expect(rolloverDisabled(none)).toBe(true);
  });

  it('names the bad setting', () => {
    for (const [values, field] of [
      [{ maxAge: '30 days' }, 'max age'],
      [{ maxDocs: '-3' }, 'max docs'],
      [{ maxDocs: '1.5' }, 'max docs'],
      [{ maxPrimarySize: '50' }, 'max primary size'],
    ] as const) {
      let error: unknown;
      try {
        parseRolloverConditions(values);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IndexMaintenanceError);
      expect((error as IndexMaintenanceError).code).toBe('KHABAR_E_BAD_INPUT');
      expect((error as Error).message).toContain(field);
    }
  });

  it('never rolls an empty index over', () => {
    expect(toEsConditions({ maxDocs: 10 })).toEqual({ max_docs: 10, min_docs: 1 });
    expect(toEsConditions({ maxAge: '1d', maxPrimarySize: '1gb' })).toEqual({ max_age: '1d', max_primary_shard_size: '1gb', min_docs: 1 });
  });
});

describe('migrationTargetName', () => {
  it('gives the target a generation stem of its own, in the template pattern', () => {
    expect(migrationTargetName('khabar-articles', new Date('2026-11-29T01:30:05.123Z'))).toBe('khabar-articles-m20261129t013005-000001');
  });
});
