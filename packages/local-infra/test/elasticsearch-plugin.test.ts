import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ELASTICSEARCH_VERSION } from '../src/elasticsearch-install.ts';
import { hashPluginSources, pluginSourceDir } from '../src/elasticsearch-plugin.ts';

const source = pluginSourceDir();
let scratch: string | undefined;

afterEach(async () => {
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

async function javaComponents(): Promise<Record<string, string>> {
  const dir = path.join(source, 'src/main/java/org/khabar/elasticsearch/analysis');
  const found: Record<string, string> = {};
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith('.java'))) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    const name = /@NamedComponent\("([^"]+)"\)/.exec(text)?.[1];
    const pkg = /^package ([\w.]+);/m.exec(text)?.[1];
    if (name && pkg && text.includes('implements TokenFilterFactory')) found[name] = `${pkg}.${path.basename(file, '.java')}`;
  }
  return found;
}

describe('analysis-khabar sources', () => {
  it('list in named_components.json exactly the @NamedComponent token filters of the Java sources', async () => {
    const listed = JSON.parse(await fs.readFile(path.join(source, 'src/main/plugin/named_components.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(listed)).toEqual(['org.elasticsearch.plugin.analysis.TokenFilterFactory']);
    const components = await javaComponents();
    expect(listed['org.elasticsearch.plugin.analysis.TokenFilterFactory']).toEqual(components);
    expect(Object.keys(components).sort()).toEqual(
      expect.arrayContaining(['khabar_arabic_normalization', 'khabar_arabic_stem', 'khabar_decimal_digit', 'khabar_english_possessive', 'khabar_porter_stem']),
    );
  });

  it('build against the Elasticsearch version local-infra installs, in the pom and the Dockerfile', async () => {
    const pom = await fs.readFile(path.join(source, 'pom.xml'), 'utf8');
    expect(/<es\.version>([^<]+)<\/es\.version>/.exec(pom)?.[1]).toBe(ELASTICSEARCH_VERSION);
    const dockerfile = await fs.readFile(path.join(path.dirname(source), 'Dockerfile'), 'utf8');
    expect(/^ARG ES_VERSION=(\S+)$/m.exec(dockerfile)?.[1]).toBe(ELASTICSEARCH_VERSION);
  });
});

describe('hashPluginSources', () => {
  it('changes with any source file or version, not with build output under target/', async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'khabar-plugin-hash-'));
    await fs.cp(source, scratch, { recursive: true, filter: (f) => !f.split(path.sep).includes('target') });
    const versions = { elasticsearch: '8.19.7', lucene: '9.12.2' };
    const original = await hashPluginSources(scratch, versions);
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    expect(await hashPluginSources(source, versions)).toBe(original);

    await fs.mkdir(path.join(scratch, 'target'), { recursive: true });
    await fs.writeFile(path.join(scratch, 'target', 'analysis-khabar.zip'), 'built');
    expect(await hashPluginSources(scratch, versions)).toBe(original);

    expect(await hashPluginSources(scratch, { ...versions, lucene: '9.12.3' })).not.toBe(original);
    const java = path.join(scratch, 'src/main/java/org/khabar/elasticsearch/analysis/ArabicStemFilterFactory.java');
    await fs.appendFile(java, '\n// edited\n');
    expect(await hashPluginSources(scratch, versions)).not.toBe(original);
  });
});
