import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { elasticsearchCacheDir, ELASTICSEARCH_VERSION, type ElasticsearchInstall } from './elasticsearch-install.ts';
import { withFileLock } from './file-lock.ts';
import { httpGet } from './probe.ts';
import { aptInstall, execFileAsync, findCommand } from './system.ts';
import { exists } from './fs-exists.ts';

/** The Elasticsearch plugin every Khabar node carries (the `khabar_*` token filters of the article template). */
export const KHABAR_PLUGIN = 'analysis-khabar';

/** `<repo>/infra/elasticsearch/analysis-khabar`: the plugin's Maven project. */
export function pluginSourceDir(): string {
  return fileURLToPath(new URL('../../../infra/elasticsearch/analysis-khabar/', import.meta.url));
}

export interface PluginBuild {
  /** The plugin version the node reports in `_nodes/plugins`: a hash of the sources and the versions built against. */
  readonly version: string;
  /** The plugin zip (`elasticsearch-plugin install file://…`). */
  readonly zip: string;
}

/**
 * Builds (cached) and installs `analysis-khabar` into the distribution, before any node starts from
 * it. The plugin is rebuilt only when its sources (or the Elasticsearch / Lucene versions) change:
 * their hash names the build folder and is the plugin's version, recorded in a marker next to
 * the installed plugin. Maven builds outside the source tree (`-Dkhabar.build.dir`) against the
 * server's own Lucene (the version of `lib/lucene-analysis-common-*.jar`). All under a lock file, so
 * concurrent test runs wait for one builder. A node already running keeps the plugin it loaded.
 */
export async function ensureKhabarPlugin(install: ElasticsearchInstall): Promise<PluginBuild> {
  const luceneVersion = await serverLuceneVersion(install.home);
  const version = await hashPluginSources(pluginSourceDir(), { elasticsearch: ELASTICSEARCH_VERSION, lucene: luceneVersion });
  const cacheDir = elasticsearchCacheDir();
  const buildDir = path.join(cacheDir, 'plugin-builds', `${KHABAR_PLUGIN}-${version}`);
  const zip = path.join(buildDir, `${KHABAR_PLUGIN}.zip`);
  const marker = path.join(install.home, `.khabar-plugin-${KHABAR_PLUGIN}`);
  if ((await readText(marker)) === version && (await exists(path.join(install.home, 'plugins', KHABAR_PLUGIN)))) return { version, zip };
  await fs.mkdir(cacheDir, { recursive: true });
  await withFileLock(path.join(cacheDir, 'plugin.lock'), async () => {
    if ((await readText(marker)) === version && (await exists(path.join(install.home, 'plugins', KHABAR_PLUGIN)))) return;
    if (!(await exists(zip))) await buildPlugin(install, { buildDir, zip, version, luceneVersion });
    await installPlugin(install, zip);
    await fs.writeFile(marker, version);
  });
  return { version, zip };
}

/** Hex SHA-256 (first 16 digits) of every file of the Maven project (but `target/`) and the versions it is built against. */
export async function hashPluginSources(dir: string, versions: Readonly<Record<string, string>>): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, value] of Object.entries(versions).sort(([a], [b]) => a.localeCompare(b))) hash.update(`${name}=${value}\n`);
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`target${path.sep}`))
    .sort();
  if (files.length === 0) throw new Error(`no plugin sources in ${dir}`);
  for (const file of files) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(await fs.readFile(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The Lucene version the server ships (`lib/lucene-analysis-common-<v>.jar`): the plugin must compile against exactly it. */
export async function serverLuceneVersion(home: string): Promise<string> {
  const jar = (await fs.readdir(path.join(home, 'lib'))).map((name) => /^lucene-analysis-common-(.+)\.jar$/.exec(name)?.[1]).find(Boolean);
  if (!jar) throw new Error(`no lucene-analysis-common jar in ${path.join(home, 'lib')}`);
  return jar;
}

export interface NodePlugin {
  readonly name: string;
  readonly version: string;
}

/** The plugins every node of the cluster at `url` has loaded (undefined when it cannot be asked). */
export async function loadedPlugins(url: string): Promise<readonly NodePlugin[] | undefined> {
  const answer = await httpGet({ url: `${url}/_nodes/plugins?filter_path=nodes.*.plugins.name,nodes.*.plugins.version` }, 5_000);
  if (answer?.status !== 200) return undefined;
  try {
    const body = JSON.parse(answer.body) as { nodes?: Record<string, { plugins?: NodePlugin[] }> };
    const perNode = Object.values(body.nodes ?? {}).map((node) => node.plugins ?? []);
    // A plugin counts only when every node has it (the first node's list, filtered by the others).
    return (perNode[0] ?? []).filter((p) => perNode.every((plugins) => plugins.some((q) => q.name === p.name && q.version === p.version)));
  } catch {
    return undefined;
  }
}

interface BuildTarget {
  readonly buildDir: string;
  readonly zip: string;
  readonly version: string;
  readonly luceneVersion: string;
}

async function buildPlugin(install: ElasticsearchInstall, target: BuildTarget): Promise<void> {
  if (!findCommand('mvn')) await aptInstall(['maven']);
  const staging = `${target.buildDir}.tmp-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  const args = [
    '-q',
    '-B',
    '-Dstyle.color=never',
    `-Dkhabar.build.dir=${staging}`,
    `-Des.version=${ELASTICSEARCH_VERSION}`,
    `-Dlucene.version=${target.luceneVersion}`,
    `-Dkhabar.plugin.version=${target.version}`,
    'package',
  ];
  try {
    await execFileAsync('mvn', args, { cwd: pluginSourceDir(), maxBuffer: 64 * 1024 * 1024, env: { ...process.env, JAVA_HOME: install.javaHome } });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`building the ${KHABAR_PLUGIN} Elasticsearch plugin failed (mvn ${args.join(' ')} in ${pluginSourceDir()}):\n${out.slice(-4_000)}`, { cause: error });
  }
  const built = (await fs.readdir(staging)).find((name) => name.endsWith('.zip'));
  if (!built) throw new Error(`mvn package left no plugin zip in ${staging}`);
  await fs.mkdir(target.buildDir, { recursive: true });
  await fs.rename(path.join(staging, built), target.zip);
  await fs.rm(staging, { recursive: true, force: true });
}

/** Replaces any installed copy (`elasticsearch-plugin remove`, then `install --batch`), readable by the ES user. */
async function installPlugin(install: ElasticsearchInstall, zip: string): Promise<void> {
  const cli = path.join(install.home, 'bin', 'elasticsearch-plugin');
  const options = { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ES_JAVA_HOME: install.javaHome, ES_PATH_CONF: path.join(install.home, 'config') } };
  const pluginDir = path.join(install.home, 'plugins', KHABAR_PLUGIN);
  if (await exists(pluginDir)) await execFileAsync(cli, ['remove', KHABAR_PLUGIN], options);
  await execFileAsync(cli, ['install', '--batch', `file://${zip}`], options);
  await execFileAsync('chmod', ['-R', 'a+rX', path.join(install.home, 'plugins')]);
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

