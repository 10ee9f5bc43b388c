import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { probeRedis, startRedisServer } from './redis-server.ts';
import { freePort, waitFor } from './wait.ts';

const run = promisify(execFile);

export interface RedisClusterNode {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
}

export interface LocalRedisCluster {
  readonly nodes: readonly RedisClusterNode[];
  /** `redis+cluster://127.0.0.1:<p1>,127.0.0.1:<p2>,…`, the REDIS_URL form Khabar reads. */
  readonly url: string;
  /** Stops every node and removes their folder. */
  stop(): Promise<void>;
}

/**
 * A real Redis Cluster of `masters` masters (no replicas) on free loopback ports, built the way
 * an operator builds one: redis-server with cluster-enabled, then `redis-cli --cluster create`.
 * Resolves once every node reports `cluster_state:ok`; `stop()` kills the nodes (the caller's
 * afterAll) and removes their data folder. `args` go to every redis-server (e.g. an eviction policy).
 */
export async function startRedisCluster(options: { readonly masters?: number; readonly args?: readonly string[] } = {}): Promise<LocalRedisCluster> {
  const masters = options.masters ?? 3;
  const dir = await mkdtemp(join(tmpdir(), 'khabar-cluster-'));
  const nodes: RedisClusterNode[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      nodes.map(
        (n) =>
          new Promise<void>((resolve) => {
            if (n.process.exitCode !== null || n.process.signalCode !== null) return resolve();
            n.process.once('exit', () => resolve());
            n.process.kill('SIGKILL');
          }),
      ),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      const args = [
        '--appendonly', 'no',
        '--dir', dir,
        '--dbfilename', `dump-${port}.rdb`,
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', '5000',
        ...(options.args ?? []),
      ];
      nodes.push({ port, url: `redis://127.0.0.1:${port}`, process: await startRedisServer(port, args) });
    }
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const n of nodes) {
      await waitFor(`cluster_state:ok on ${n.port}`, async () => (await probeRedis(n.url, (r) => r.cluster('INFO'))).includes('cluster_state:ok'), 30_000, 200);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { nodes, url: `redis+cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`, stop };
}
