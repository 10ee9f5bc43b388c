import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { articleTemplate } from '@khabar/search-index';
import { importSavedObjects, SAVED_OBJECTS_FILE } from '../../../packages/cli/src/commands/kibana.ts';

interface SavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
}

const objects: SavedObject[] = readFileSync(SAVED_OBJECTS_FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as SavedObject);

/** Every field of the current template with its type: `cluster.role`, `title.keyword`, `entities.id`… */
function templateFields(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (props: Record<string, { type?: string; properties?: Record<string, never>; fields?: Record<string, { type: string }> }>, prefix: string) => {
    for (const [name, def] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      if (def.type) out.set(path, def.type);
      if (def.properties) walk(def.properties, `${path}.`);
      for (const [sub, subDef] of Object.entries(def.fields ?? {})) out.set(`${path}.${sub}`, subDef.type);
    }
  };
  walk((articleTemplate().template?.mappings?.properties ?? {}) as never, '');
  return out;
}

describe('infra/kibana/saved-objects.ndjson', () => {
  const fields = templateFields();
  const byKey = new Map(objects.map((o) => [`${o.type}:${o.id}`, o]));

  it('holds a data view on the read alias, the dashboard and its visualisations, ids unique', () => {
    expect(byKey.size).toBe(objects.length);
    const dataView = objects.find((o) => o.type === 'index-pattern');
    expect(dataView?.attributes).toMatchObject({ title: 'khabar-articles', timeFieldName: 'publishedAt' });
    expect(fields.get('publishedAt')).toBe('date');
    const dashboard = objects.find((o) => o.type === 'dashboard');
    expect(dashboard?.references).toHaveLength(objects.filter((o) => o.type === 'visualization').length);
  });

  it('resolves every reference, and every dashboard panel names one', () => {
    for (const o of objects) {
      for (const ref of o.references) expect(byKey.has(`${ref.type}:${ref.id}`), `${o.id} → ${ref.type}:${ref.id}`).toBe(true);
      if (o.type === 'dashboard') {
        const panels = JSON.parse(String(o.attributes['panelsJSON'])) as { panelRefName: string }[];
        expect(panels.map((p) => p.panelRefName).sort()).toEqual(o.references.map((r) => r.name).sort());
      }
      if (o.type === 'visualization') {
        const search = JSON.parse(String((o.attributes['kibanaSavedObjectMeta'] as { searchSourceJSON: string }).searchSourceJSON)) as { indexRefName: string };
        expect(o.references.map((r) => r.name)).toContain(search.indexRefName);
      }
    }
  });

  it('aggregates only on fields the index template maps as aggregatable', () => {
    const used: string[] = [];
    for (const o of objects.filter((x) => x.type === 'visualization')) {
      const vis = JSON.parse(String(o.attributes['visState'])) as { aggs: { params: { field?: string } }[] };
      for (const agg of vis.aggs) if (agg.params.field) used.push(agg.params.field);
    }
    expect(used).toEqual(expect.arrayContaining(['publishedAt', 'persons', 'organizations', 'locations', 'site', 'lang', 'cluster.role']));
    for (const field of used) expect(['keyword', 'date', 'integer', 'float'], field).toContain(fields.get(field));
  });
});

describe('khabar kibana import', () => {
  async function fakeKibana(status: number, answer: object) {
    const seen: { url?: string; headers?: IncomingMessage['headers']; body?: string } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        Object.assign(seen, { url: req.url, headers: req.headers, body });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://elastic:s3cret@127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('posts the ndjson as multipart to /api/saved_objects/_import with kbn-xsrf and credentials', async () => {
    const kibana = await fakeKibana(200, { success: true, successCount: objects.length });
    try {
      const result = await importSavedObjects({ kibanaUrl: kibana.url });
      expect(result.successCount).toBe(objects.length);
      expect(kibana.seen.url).toBe('/api/saved_objects/_import?overwrite=true');
      expect(kibana.seen.headers?.['kbn-xsrf']).toBeTruthy();
      expect(kibana.seen.headers?.['authorization']).toBe(`Basic ${Buffer.from('elastic:s3cret').toString('base64')}`);
      expect(kibana.seen.headers?.['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(kibana.seen.body).toContain('filename="saved-objects.ndjson"');
      expect(kibana.seen.body).toContain('"id":"khabar-overview"');
    } finally {
      await kibana.close();
    }
  });

  it('fails with a code when Kibana reports errors', async () => {
    const kibana = await fakeKibana(200, { success: false, successCount: 1, errors: [{ id: 'x', error: { type: 'missing_references' } }] });
    try {
      await expect(importSavedObjects({ kibanaUrl: kibana.url })).rejects.toMatchObject({ code: 'KHABAR_E_KIBANA_IMPORT' });
    } finally {
      await kibana.close();
    }
  });
});
