import { describe, expect, it } from 'vitest';
import { buildSearchRequest, CursorError, decodeCursor, encodeCursor, searchParamsSchema, textFields, timelineInterval } from '../src/search/index.ts';

const params = (input: Record<string, unknown>) => searchParamsSchema.parse(input);

describe('search query builder', () => {
  it('runs the text query over textFields and collapses on cluster.id by default', () => {
    const { request, mode } = buildSearchRequest(params({ q: 'الكرملين', lang: 'ar' }), 'idx');
    expect(mode).toBe('relevance:stories');
    expect(JSON.stringify(request.query)).toContain(JSON.stringify(textFields('ar')));
    expect(request.collapse?.field).toBe('cluster.id');
    expect(request.size).toBe(21);
    expect(request.aggs && Object.keys(request.aggs).sort()).toEqual(['entities', 'languages', 'roles', 'sites', 'stories', 'timeline']);
  });

  it('pages collapsed results by offset and expanded ones by search_after, refusing foreign cursors', () => {
    const collapsed = buildSearchRequest(params({ cursor: encodeCursor({ mode: 'date:stories', offset: 40 }) }), 'idx');
    expect(collapsed.request.from).toBe(40);
    const expanded = buildSearchRequest(params({ expand: 'true', cursor: encodeCursor({ mode: 'date:all', after: ['2024-01-01', 'abc'] }) }), 'idx');
    expect(expanded.request.search_after).toEqual(['2024-01-01', 'abc']);
    expect(expanded.request.collapse).toBeUndefined();
    expect(() => buildSearchRequest(params({ expand: 'true', cursor: encodeCursor({ mode: 'date:stories', offset: 40 }) }), 'idx')).toThrow(CursorError);
    expect(decodeCursor('%%%', 'date:all')).toBeUndefined();
  });

  it('reads repeated and comma-separated list parameters and whole-day date bounds', () => {
    const p = params({ site: ['a.com,b.com', 'c.com'], to: '2024-01-31', facets: 'false' });
    expect(p.site).toEqual(['a.com', 'b.com', 'c.com']);
    const { request } = buildSearchRequest(p, 'idx');
    expect(JSON.stringify(request.query)).toContain('"lte":"2024-01-31||/d"');
    expect(request.aggs).toBeUndefined();
  });

  it('picks the timeline bucket from the date range', () => {
    const now = Date.parse('2024-06-01T00:00:00Z');
    expect(timelineInterval({}, now)).toBe('day');
    expect(timelineInterval({ from: '2024-05-30' }, now)).toBe('hour');
    expect(timelineInterval({ from: '2024-03-01' }, now)).toBe('day');
    expect(timelineInterval({ from: '2023-01-01' }, now)).toBe('week');
    expect(timelineInterval({ from: '2015-01-01' }, now)).toBe('month');
  });
});
