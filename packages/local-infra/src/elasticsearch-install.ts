import fs from 'node:fs/promises';
import path from 'node:path';
import { repoCacheDir } from './cache-dir.ts';
import { withFileLock } from './file-lock.ts';
import { aptInstall, execFileAsync, findCommand } from './system.ts';
import { exists } from './fs-exists.ts';

export const ELASTICSEARCH_VERSION = '8.19.7';
const ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION}:zip`;
const MARKER = '.khabar-installed';

export interface ElasticsearchInstall {
  /** ES_HOME: bin/, lib/, modules/, config/ (the pristine config we copy per instance). */
  readonly home: string;
  /** ES_JAVA_HOME: the machine's JDK (the integ-test zip bundles none). */
  readonly javaHome: string;
}

/** Where root keeps Elasticsearch: outside the checkout, so the unprivileged ES user can reach it. */
export const ROOT_ELASTICSEARCH_DIR = '/var/cache/khabar/elasticsearch';

/**
 * Where the distribution, its data and logs live: `KHABAR_ES_DIR` if set; as root,
 * /var/cache/khabar/elasticsearch (the ES user must traverse every folder above its files, and
 * a checkout may sit under a private folder such as a 0700 mktemp dir; it is also shared by every
 * checkout on the machine, so the download is cached between runs); else `<repo>/.cache/elasticsearch`.
 */
export function elasticsearchCacheDir(): string {
  const fromEnv = process.env['KHABAR_ES_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  if (process.getuid?.() === 0) return ROOT_ELASTICSEARCH_DIR;
  return path.join(repoCacheDir(), 'elasticsearch');
}

/**
 * Makes sure the Elasticsearch distribution is unpacked in `.cache/elasticsearch/<version>/`:
 * downloaded from Maven Central with `mvn dependency:copy` (the stripped integ-test zip), unzipped
 * into a temp dir and renamed into place, all under a lock file so concurrent callers wait for
 * one installer instead of corrupting each other's files. A marker file records completion.
 */
export async function ensureElasticsearchInstalled(): Promise<ElasticsearchInstall> {
  const cacheDir = elasticsearchCacheDir();
  const home = path.join(cacheDir, ELASTICSEARCH_VERSION);
  await fs.mkdir(cacheDir, { recursive: true, mode: 0o755 });
  // The ES user must be able to walk into the folder (a 077 umask would lock it out). Only ever
  // ADD r-x for everyone: the parent may be /tmp (KHABAR_ES_DIR=/tmp/x), whose 1777 must survive.
  await Promise.all([path.dirname(cacheDir), cacheDir].map((dir) => allowTraversal(dir)));
  const javaHome = await ensureJavaHome();
  if (await exists(path.join(home, MARKER))) return { home, javaHome };
  await withFileLock(path.join(cacheDir, 'install.lock'), async () => {
    if (await exists(path.join(home, MARKER))) return;
    const downloads = path.join(cacheDir, 'downloads');
    await fs.mkdir(downloads, { recursive: true });
    const zip = path.join(downloads, `elasticsearch-${ELASTICSEARCH_VERSION}.zip`);
    if (!(await exists(zip))) {
      if (!findCommand('mvn')) await aptInstall(['maven']);
      await execFileAsync('mvn', ['-q', '-B', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${downloads}`], {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, JAVA_HOME: javaHome },
      });
    }
    if (!findCommand('unzip')) await aptInstall(['unzip']);
    const staging = `${home}.tmp-${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    await execFileAsync('unzip', ['-q', '-o', zip, '-d', staging], { maxBuffer: 64 * 1024 * 1024 });
    const top = path.join(staging, `elasticsearch-${ELASTICSEARCH_VERSION}`);
    // Readable by the unprivileged ES user whatever the umask of the installing process was.
    await execFileAsync('chmod', ['-R', 'a+rX', top]);
    await fs.rm(home, { recursive: true, force: true });
    await fs.rename(top, home);
    await fs.rm(staging, { recursive: true, force: true });
    await fs.writeFile(path.join(home, MARKER), `${new Date().toISOString()}\n`);
  });
  return { home, javaHome };
}

/** ES_JAVA_HOME, else JAVA_HOME, else the JDK behind `java` on PATH (installed with apt-get if absent). */
async function ensureJavaHome(): Promise<string> {
  const fromEnv = process.env['ES_JAVA_HOME'] ?? process.env['JAVA_HOME'];
  if (fromEnv && (await exists(path.join(fromEnv, 'bin', 'java')))) return fromEnv;
  let java = findCommand('java');
  if (!java) {
    await aptInstall(['openjdk-17-jdk-headless']);
    java = findCommand('java');
    if (!java) throw new Error('apt-get installed openjdk-17-jdk-headless but `java` is not on PATH');
  }
  return path.dirname(path.dirname(await fs.realpath(java)));
}

/** chmod a+rx, keeping every other bit (sticky, group/other write) as it was. */
async function allowTraversal(dir: string): Promise<void> {
  try {
    const mode = (await fs.stat(dir)).mode & 0o7777;
    if ((mode & 0o555) !== 0o555) await fs.chmod(dir, mode | 0o555);
  } catch {
    // not ours to change: the ES user may still be able to reach it
  }
}

