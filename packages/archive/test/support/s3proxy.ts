import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * A real S3-compatible server for tests: S3Proxy (Apache-2.0, `org.gaul:s3proxy` on Maven Central)
 * with its file-system backend, on 127.0.0.1 and a free port, with SigV4 authentication on.
 * The self-contained jar is fetched once with `mvn dependency:copy` (Maven Central is reachable
 * from CI and from developers' machines) and cached like the Elasticsearch download:
 * `KHABAR_S3PROXY_DIR`, else /var/cache/khabar/s3proxy as root, else <repo>/.cache/s3proxy.
 * Needs Java 17 and Maven, which the Elasticsearch set-up already requires.
 */
export const S3PROXY_VERSION = '2.6.0';
const ARTIFACT = `org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies`;
const JAR = `s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar`;

const run = promisify(execFile);

export interface S3Server {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Creates a bucket (names must be unique per test). */
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

function cacheDir(): string {
  const fromEnv = process.env['KHABAR_S3PROXY_DIR'];
  if (fromEnv) return fromEnv;
  if (process.getuid?.() === 0) return '/var/cache/khabar/s3proxy';
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.cache', 's3proxy');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The jar, downloaded on first use into a private folder and renamed into place (concurrent callers both finish). */
export async function ensureS3ProxyJar(): Promise<string> {
  const dir = cacheDir();
  const jar = join(dir, JAR);
  if (await exists(jar)) return jar;
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.download-'));
  try {
    await run('mvn', ['-q', '-B', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${staging}`], { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
    await rename(join(staging, JAR), jar);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return jar;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    // Any HTTP answer (403 for an anonymous request) means Jetty is serving.
    const answered = await fetch(endpoint, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const log = await readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`S3Proxy did not come up on ${endpoint} (exit ${String(child.exitCode)}):\n${log.split('\n').slice(-30).join('\n')}`);
}

/** Starts S3Proxy on 127.0.0.1 with a throw-away data folder; `stop()` kills it and removes the folder. */
export async function startS3Server(): Promise<S3Server> {
  const jar = await ensureS3ProxyJar();
  const work = await mkdtemp(join(tmpdir(), 'khabar-s3proxy-'));
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'khabar-test', secretAccessKey: 'khabar-test-secret' };
  const properties = join(work, 's3proxy.properties');
  await writeFile(
    properties,
    [
      `s3proxy.endpoint=${endpoint}`,
      's3proxy.authorization=aws-v2-or-v4',
      `s3proxy.identity=${credentials.accessKeyId}`,
      `s3proxy.credential=${credentials.secretAccessKey}`,
      // In memory: a fresh, empty store per server, and S3's flat key space (the file-system
      // backend lists "directories" as extra keys).
      'jclouds.provider=transient',
      '',
    ].join('\n'),
  );
  const logFile = join(work, 's3proxy.log');
  const fd = openSync(logFile, 'a');
  // Through a tiny shell that kills Java when our stdin pipe closes: if this test process dies
  // without calling stop(), S3Proxy goes with it instead of lingering on the machine.
  const child = spawn('sh', ['-c', 'exec 3<&0; java -Xmx256m -jar "$0" --properties "$1" </dev/null & jp=$!; (read _ignored <&3; kill $jp 2>/dev/null) & wait $jp', jar, properties], { stdio: ['pipe', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilUp(endpoint, child, logFile, 60_000);
  } catch (err) {
    child.stdin?.end();
    await exited;
    await rm(work, { recursive: true, force: true });
    throw err;
  }
  const admin = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  return {
    endpoint,
    region: 'us-east-1',
    credentials,
    async createBucket(name) {
      await admin.send(new CreateBucketCommand({ Bucket: name }));
    },
    async stop() {
      admin.destroy();
      if (child.exitCode === null) {
        child.stdin?.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(work, { recursive: true, force: true });
    },
  };
}
