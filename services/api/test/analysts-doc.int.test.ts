import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFixtureIndex, type FixtureIndex } from './support/fixture-articles.ts';

interface Example {
  readonly title: string;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly expects: readonly { path: string; min: number }[];
}

/** The `### n. title` sections of docs/analysts.md: `<!-- expect: a.b.length >= n -->` lines, then one ```es block. */
function parseExamples(markdown: string): Example[] {
  const sections = markdown.split(/^### /m).slice(1);
  return sections.flatMap((section) => {
    const block = /```es\n([\s\S]*?)```/.exec(section);
    if (!block?.[1]) return [];
    const [request = '', ...body] = block[1].split('\n');
    const [method = '', path = ''] = request.trim().split(/\s+/);
    const expects = [...section.matchAll(/<!-- expect: ([\w.]+) >= (\d+) -->/g)].map((m) => ({ path: m[1] ?? '', min: Number(m[2]) }));
    return [{ title: section.split('\n')[0] ?? '', method, path, body: JSON.parse(body.join('\n')), expects }];
  });
}

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key]), value);
}

const examples = parseExamples(readFileSync(new URL('../../../docs/analysts.md', import.meta.url), 'utf8'));
let fixture: FixtureIndex;

beforeAll(async () => {
  fixture = await createFixtureIndex(inject('elasticsearchUrl'));
});
afterAll(async () => {
  await fixture.drop();
});

describe('docs/analysts.md example queries', () => {
  it('has at least ten examples, each with an expectation', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const e of examples) expect(e.expects.length, e.title).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.title, e] as const))('%s', async (_title, example) => {
    expect(example.method).toBe('GET');
    expect(example.path.startsWith('khabar-articles/')).toBe(true);
    const answer = await fixture.client.transport.request({ method: 'POST', path: `/${example.path.replace(/^khabar-articles/, fixture.index)}`, body: example.body as Record<string, unknown> });
    for (const { path, min } of example.expects) {
      const value = valueAt(answer, path);
      expect(typeof value, `${path} in ${JSON.stringify(answer).slice(0, 400)}`).toBe('number');
      expect(value as number, path).toBeGreaterThanOrEqual(min);
    }
  });
});
