import fs from 'node:fs/promises';
import path from 'node:path';
import { dockerEngineAnswers } from './docker.ts';
import { elasticsearchCacheDir, ensureElasticsearchInstalled, ELASTICSEARCH_VERSION } from './elasticsearch-install.ts';
import { withFileLock } from './file-lock.ts';
import { claimOwnership, ownerAlive, serviceSlot, takeLease } from './shared-service.ts';
import { httpGet, portOpen, waitUntil } from './probe.ts';
import { spawnLogged, tailFile } from './process.ts';
import { chownTree, ensureSystemUser } from './system.ts';
import type { EnsureElasticsearchOptions, LaunchOptions, Purpose, RunningService } from './types.ts';

export const ELASTICSEARCH_DEFAULT_PORTS = { test: 9251, demo: 9250 } as const;
const DEFAULT_HEAP = { test: '512m', demo: '1g' } as const;
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 180_000;
/** Elasticsearch refuses to run as root; when we are root it runs as this system user. */
export const ELASTICSEARCH_USER = 'khabar-es';

/**
 * An Elasticsearch to talk to: ELASTICSEARCH_URL if set, else a container when a Docker engine
 * answers, else the cached stripped distribution (downloaded on first use) as a local
 * single-node process with security off, on a dedicated port. A healthy node already answering on
 * that port is reused (see RunningService.stop).
 */
export async function ensureElasticsearch(options: EnsureElasticsearchOptions & LaunchOptions): Promise<RunningService> {
  const fromEnv = process.env['ELASTICSEARCH_URL'];
  if (fromEnv) return { url: fromEnv, kind: 'env', stop: async () => {} };
  const heap = options.heap ?? DEFAULT_HEAP[options.purpose];
  if (!options.detached && (await dockerEngineAnswers())) return startElasticsearchContainer(heap);

  const port = options.port ?? ELASTICSEARCH_DEFAULT_PORTS[options.purpose];
  const url = `http://${HOST}:${port}`;
  const slot = serviceSlot(elasticsearchCacheDir(), port);
  if ((await elasticsearchHealthy(url)) && !(await ownerAlive(slot))) return { url, kind: 'reused', stop: async () => {} };

  const install = await ensureElasticsearchInstalled();
  const user = await ensureSystemUser(ELASTICSEARCH_USER);
  const dirs = instanceDirs(options.purpose, port);

  return withFileLock(slot.lockFile, async () => {
    if (await elasticsearchHealthy(url)) {
      return { url, kind: 'reused', stop: (await ownerAlive(slot)) ? await takeLease(slot) : async () => {} };
    }
    if (await portOpen(HOST, port)) {
      throw new Error(`port ${port} is taken by something that is not a healthy Elasticsearch (GET ${url}/_cluster/health failed)`);
    }
    await prepareInstance(install.home, dirs, port, options.purpose);
    await chownTree(dirs.run, user);
    await chownTree(dirs.data, user);
    const logFile = path.join(dirs.logs, 'console.log');
    await fs.writeFile(logFile, '');
    const proc = spawnLogged({
      command: path.join(install.home, 'bin', 'elasticsearch'),
      args: [],
      logFile,
      cwd: dirs.logs,
      detached: options.detached,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: dirs.run,
        LANG: 'C.UTF-8',
        ES_JAVA_HOME: install.javaHome,
        ES_PATH_CONF: dirs.config,
        ES_TMPDIR: dirs.tmp,
        ES_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
      },
    });
    const ok = await waitUntil(() => elasticsearchHealthy(url), {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 500,
      abort: () => proc.exited(),
    });
    if (!ok) {
      await proc.stop(5_000);
      const why = proc.exited() ? 'exited before becoming healthy' : `was not healthy within ${START_TIMEOUT_MS} ms`;
      throw new Error(`Elasticsearch ${ELASTICSEARCH_VERSION} on port ${port} ${why}; last 30 log lines (${logFile}):\n${tailFile(logFile, 30)}`);
    }
    if (options.detached) {
      await fs.writeFile(elasticsearchPidFile(options.purpose), `${proc.pid}\n${port}\n`);
      return { url, kind: 'process', stop: () => proc.stop() };
    }
    await claimOwnership(slot, { pid: proc.pid });
    return { url, kind: 'process', stop: await takeLease(slot, () => proc.stop()) };
  });
}

/** Green or yellow cluster health within a second. */
export async function elasticsearchHealthy(url: string): Promise<boolean> {
  const answer = await httpGet({ url: `${url}/_cluster/health?wait_for_status=yellow&timeout=1s` }, 2_000);
  if (answer?.status !== 200) return false;
  try {
    const status = (JSON.parse(answer.body) as { status?: unknown }).status;
    return status === 'green' || status === 'yellow';
  } catch {
    return false;
  }
}

export function elasticsearchPidFile(purpose: Purpose): string {
  return path.join(elasticsearchCacheDir(), `elasticsearch-${purpose}.pid`);
}

interface InstanceDirs {
  readonly run: string;
  readonly config: string;
  readonly logs: string;
  readonly tmp: string;
  readonly data: string;
}

/** `data-<purpose>` for the purpose's default port, `data-<purpose>-<port>` otherwise (two nodes cannot share a data dir). */
function instanceDirs(purpose: Purpose, port: number): InstanceDirs {
  const suffix = port === ELASTICSEARCH_DEFAULT_PORTS[purpose] ? purpose : `${purpose}-${port}`;
  const base = elasticsearchCacheDir();
  const run = path.join(base, `run-${suffix}`);
  return { run, config: path.join(run, 'config'), logs: path.join(run, 'logs'), tmp: path.join(run, 'tmp'), data: path.join(base, `data-${suffix}`) };
}

/** A fresh config dir per start (copied from the distribution) with our elasticsearch.yml. */
async function prepareInstance(home: string, dirs: InstanceDirs, port: number, purpose: Purpose): Promise<void> {
  await fs.rm(dirs.config, { recursive: true, force: true });
  await fs.rm(dirs.tmp, { recursive: true, force: true });
  await Promise.all([dirs.logs, dirs.tmp, dirs.data].map((d) => fs.mkdir(d, { recursive: true })));
  await fs.cp(path.join(home, 'config'), dirs.config, { recursive: true });
  const settings = [
    `cluster.name: khabar-${path.basename(dirs.run)}`,
    `node.name: khabar-${path.basename(dirs.run)}`,
    `network.host: ${HOST}`,
    `http.port: ${port}`,
    `transport.port: ${port + 100}`,
    'discovery.type: single-node',
    'xpack.security.enabled: false',
    'cluster.routing.allocation.disk.threshold_enabled: false',
    // Test runs clean up with `DELETE <base>-*`; the demo node keeps ES's safer default.
    `action.destructive_requires_name: ${purpose === 'demo'}`,
    `path.data: ${JSON.stringify(dirs.data)}`,
    `path.logs: ${JSON.stringify(dirs.logs)}`,
    '',
  ];
  await fs.writeFile(path.join(dirs.config, 'elasticsearch.yml'), settings.join('\n'));
}

async function startElasticsearchContainer(heap: string): Promise<RunningService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(`docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`)
    .withEnvironment({
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      'cluster.routing.allocation.disk.threshold_enabled': 'false',
      ES_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
    })
    .withExposedPorts(9200)
    .withWaitStrategy(Wait.forHttp('/_cluster/health?wait_for_status=yellow', 9200).forStatusCode(200))
    .withStartupTimeout(START_TIMEOUT_MS)
    .start();
  return {
    url: `http://${container.getHost()}:${container.getMappedPort(9200)}`,
    kind: 'container',
    async stop() {
      await container.stop();
    },
  };
}
