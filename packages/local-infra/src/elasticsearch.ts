import fs from 'node:fs/promises';
import path from 'node:path';
import { dockerEngineAnswers } from './docker.ts';
import { elasticsearchCacheDir, ensureElasticsearchInstalled, ELASTICSEARCH_VERSION } from './elasticsearch-install.ts';
import { ensureKhabarPlugin, hashPluginSources, KHABAR_PLUGIN, loadedPlugins, pluginSourceDir, type PluginBuild } from './elasticsearch-plugin.ts';
import { withFileLock } from './file-lock.ts';
import { claimOwnership, ownerAlive, serviceSlot, takeLease } from './shared-service.ts';
import { httpGet, portOpen, waitUntil } from './probe.ts';
import { pidAlive, spawnLogged, stopPid, tailFile } from './process.ts';
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
 * answers (built from infra/elasticsearch/Dockerfile), else the cached stripped distribution
 * (downloaded on first use) as a local single-node process with security off, on a dedicated
 * port. Every node we start carries the analysis-khabar plugin (built and installed first). A
 * healthy node already answering on that port is reused (see RunningService.stop); one without
 * the current plugin build is restarted when `up` left it running, refused (with what to do) when
 * it has no plugin at all, and tolerated when its build is merely older (shared with a live run).
 */
export async function ensureElasticsearch(options: EnsureElasticsearchOptions & LaunchOptions): Promise<RunningService> {
  const fromEnv = process.env['ELASTICSEARCH_URL'];
  if (fromEnv) return { url: fromEnv, kind: 'env', stop: async () => {} };
  const heap = options.heap ?? DEFAULT_HEAP[options.purpose];
  if (!options.detached && (await dockerEngineAnswers())) return startElasticsearchContainer(heap);

  const port = options.port ?? ELASTICSEARCH_DEFAULT_PORTS[options.purpose];
  const url = `http://${HOST}:${port}`;
  const slot = serviceSlot(elasticsearchCacheDir(), port);
  const install = await ensureElasticsearchInstalled();
  const plugin = await ensureKhabarPlugin(install);
  if ((await elasticsearchHealthy(url)) && !(await ownerAlive(slot))) {
    const problem = await pluginProblem(url, plugin);
    if (!problem || !(await stopDetachedStaleNode(options.purpose, port, problem))) return { url, kind: 'reused', stop: async () => {} };
  }

  const user = await ensureSystemUser(ELASTICSEARCH_USER);
  const dirs = instanceDirs(options.purpose, port);

  return withFileLock(slot.lockFile, async () => {
    if (await elasticsearchHealthy(url)) {
      // Shared with a live test run or demo: a stale build is tolerated (the node goes when they do), no plugin is not.
      const problem = await pluginProblem(url, plugin);
      if (problem?.kind === 'missing') throw new Error(`${problem.message}; it is shared by a running test run or demo: stop that, then retry`);
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

/**
 * What is wrong with the node at `url`: `missing` when it has not loaded analysis-khabar (or cannot
 * say), `stale` when it runs a build from other sources; undefined when it runs the current build.
 */
async function pluginProblem(url: string, plugin: PluginBuild): Promise<{ readonly kind: 'missing' | 'stale'; readonly message: string } | undefined> {
  const plugins = await loadedPlugins(url);
  const loaded = plugins?.find((p) => p.name === KHABAR_PLUGIN);
  const where = `the Elasticsearch at ${url}`;
  if (!plugins) return { kind: 'missing', message: `${where} could not list its plugins (GET /_nodes/plugins)` };
  if (!loaded) return { kind: 'missing', message: `${where} runs without the ${KHABAR_PLUGIN} plugin (it was started before the plugin was installed)` };
  if (loaded.version !== plugin.version) {
    return { kind: 'stale', message: `${where} runs ${KHABAR_PLUGIN} ${loaded.version}, built from other sources than ${pluginSourceDir()} (${plugin.version})` };
  }
  return undefined;
}

/**
 * A node this call did not start, lacking the current plugin: a node `up` left running (our pid
 * file names it) is stopped so the caller starts a fresh one (returns true); any other node is
 * used as is when its plugin is merely stale (returns false), and refused when it has none.
 */
async function stopDetachedStaleNode(purpose: Purpose, port: number, problem: { readonly kind: 'missing' | 'stale'; readonly message: string }): Promise<boolean> {
  const [pidText, portText] = (await fs.readFile(elasticsearchPidFile(purpose), 'utf8').catch(() => '')).split('\n');
  const pid = Number.parseInt(pidText ?? '', 10);
  if (Number.isFinite(pid) && pidAlive(pid) && Number.parseInt(portText ?? '', 10) === port) {
    await stopPid(pid);
    await fs.rm(elasticsearchPidFile(purpose), { force: true });
    return true;
  }
  if (problem.kind === 'stale') return false;
  throw new Error(`${problem.message}; stop whatever listens on port ${port}, then retry`);
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

/**
 * The compose image (infra/elasticsearch/Dockerfile: the official image + analysis-khabar), built
 * once per plugin version (the hash of its sources names the tag; Docker's layer cache does the rest).
 */
async function startElasticsearchContainer(heap: string): Promise<RunningService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const version = await hashPluginSources(pluginSourceDir(), { elasticsearch: ELASTICSEARCH_VERSION });
  const image = await GenericContainer.fromDockerfile(path.dirname(pluginSourceDir()), 'Dockerfile')
    .withBuildArgs({ ES_VERSION: ELASTICSEARCH_VERSION })
    .build(`khabar-elasticsearch:${ELASTICSEARCH_VERSION}-${version}`, { deleteOnExit: false });
  const container = await image
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
