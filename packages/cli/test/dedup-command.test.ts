import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dedupJsonl } from '../src/commands/dedup.ts';
import { corpusDocuments } from '../../dedup/corpus/index.ts';

async function run(lines: readonly object[]): Promise<Record<string, unknown>[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await dedupJsonl(Readable.from(lines.map((l) => `${JSON.stringify(l)}\n`)), out);
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('khabar dedup --jsonl', () => {
  it('clusters a story, its copies and its AMP URL like the service, and keeps another story apart', async () => {
    const docs = corpusDocuments().filter((d) => d.story === 'ar-oil-1' || d.story === 'ar-oil-2');
    const base = docs.find((d) => d.story === 'ar-oil-1' && d.variant === 'base');
    const rows = [
      ...docs.map((d) => ({ id: d.id, url: `https://${d.source}/${encodeURIComponent(d.id)}`, text: d.text })),
      { id: 'amp', url: 'https://amp.wire-ar.example/a', canonicalUrl: 'https://wire-ar.example/a', text: base?.text ?? '' },
    ];
    const out = await run(rows);
    const byId = new Map(out.map((r) => [r['id'], r]));
    expect(out).toHaveLength(rows.length);
    const cluster1 = byId.get('ar-oil-1/base')?.['clusterId'];
    expect(docs.filter((d) => d.story === 'ar-oil-1').every((d) => byId.get(d.id)?.['clusterId'] === cluster1)).toBe(true);
    expect(docs.filter((d) => d.story === 'ar-oil-2').every((d) => byId.get(d.id)?.['clusterId'] !== cluster1)).toBe(true);
    expect(byId.get('ar-oil-1/rewritten-lead')).toMatchObject({ role: 'near_duplicate' });
    // its canonical page is new, but its text is the wire story: one cluster
    expect(byId.get('amp')).toMatchObject({ role: 'duplicate', clusterId: cluster1 });
    expect(byId.get('ar-oil-1/combined')?.['sources']).toEqual(expect.arrayContaining(['wire-ar.example']));
  });

  it('rejects a line without id or text with a stable code', async () => {
    await expect(run([{ id: 'x' }])).rejects.toMatchObject({ code: 'KHABAR_E_BAD_INPUT' });
  });
});
