/**
 * pnpm bench:es-plugin — what the analysis-khabar Elasticsearch plugin adds to a first run:
 * 1. cold: Maven build with an EMPTY local repository (a fresh machine: every dependency and Maven
 *    plugin downloaded from Maven Central) + `elasticsearch-plugin install`;
 * 2. warm Maven (dependencies cached) build + install;
 * 3. install only (zip cached, e.g. after a distribution re-download);
 * 4. the cached path every ensureElasticsearch call takes (hash the sources, read the marker).
 * Works on a scratch copy of the installed distribution under the OS temp dir (never touches the
 * shared one) and deletes it afterwards. The last line printed is one JSON object with every figure.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureElasticsearchInstalled } from '../packages/local-infra/src/elasticsearch-install.ts';
import { ensureKhabarPlugin } from '../packages/local-infra/src/elasticsearch-plugin.ts';

const real = await ensureElasticsearchInstalled();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'khabar-bench-plugin-'));
const home = path.join(scratch, 'home');
const mavenRepo = path.join(scratch, 'm2');
await fs.cp(real.home, home, { recursive: true });
const install = { home, javaHome: real.javaHome };
process.env['KHABAR_ES_DIR'] = path.join(scratch, 'cache');

async function reset(what: { zip: boolean; installed: boolean }): Promise<void> {
  if (what.zip) await fs.rm(path.join(scratch, 'cache', 'plugin-builds'), { recursive: true, force: true });
  if (what.installed) await fs.rm(path.join(home, '.khabar-plugin-analysis-khabar'), { force: true });
}

async function timed(label: string): Promise<number> {
  const t0 = performance.now();
  await ensureKhabarPlugin(install);
  const ms = Math.round(performance.now() - t0);
  console.log(`${label.padEnd(44)} ${String(ms).padStart(7)} ms`);
  return ms;
}

try {
  await fs.rm(path.join(home, 'plugins', 'analysis-khabar'), { recursive: true, force: true });
  await reset({ zip: true, installed: true });
  process.env['MAVEN_OPTS'] = `${process.env['MAVEN_OPTS'] ?? ''} -Dmaven.repo.local=${mavenRepo}`.trim();
  const coldMs = await timed('cold: empty Maven repo, build + install');
  const downloadedBytes = await treeBytes(mavenRepo);
  await reset({ zip: true, installed: true });
  const warmMs = await timed('warm Maven: build + install');
  await reset({ zip: false, installed: true });
  const installMs = await timed('install only (zip cached)');
  const cachedMs = await timed('cached (hash + marker)');
  const zipDir = path.join(scratch, 'cache', 'plugin-builds');
  const [build] = await fs.readdir(zipDir);
  const zipBytes = (await fs.stat(path.join(zipDir, build ?? '', 'analysis-khabar.zip'))).size;
  const installedBytes = await treeBytes(path.join(home, 'plugins', 'analysis-khabar'));
  console.log(`Maven downloads ${(downloadedBytes / 1e6).toFixed(1)} MB; plugin zip ${zipBytes} B; installed ${installedBytes} B; load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(JSON.stringify({ coldMs, warmMs, installMs, cachedMs, downloadedBytes, zipBytes, installedBytes, load1: os.loadavg()[0], cores: os.cpus().length }));
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
