import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoCacheDir } from './cache-dir.ts';
import { dockerEngineAnswers } from './docker.ts';
import { withFileLock } from './file-lock.ts';
import { claimOwnership, ownerAlive, serviceSlot, takeLease } from './shared-service.ts';
import { portOpen, redisAnswers, waitUntil } from './probe.ts';
import { spawnLogged, tailFile } from './process.ts';
import { aptInstall, findCommand } from './system.ts';
import type { EnsureRedisOptions, LaunchOptions, RunningService } from './types.ts';

export const REDIS_DEFAULT_PORTS = { test: 6391, demo: 6390 } as const;
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;

/**
 * A Redis to talk to: REDIS_URL if set, else a `redis:7` container when a Docker engine answers,
 * else a local `redis-server` (installed with apt-get on a fresh root machine) on a dedicated port
 * with persistence off. Whatever already answers PING on that port is reused (see RunningService.stop).
 */
export async function ensureRedis(options: EnsureRedisOptions & LaunchOptions): Promise<RunningService> {
  const fromEnv = process.env['REDIS_URL'];
  if (fromEnv) return { url: fromEnv, kind: 'env', stop: async () => {} };
  if (!options.detached && (await dockerEngineAnswers())) return startRedisContainer();

  const port = options.port ?? REDIS_DEFAULT_PORTS[options.purpose];
  const url = `redis://${HOST}:${port}`;
  const slot = serviceSlot(path.join(repoCacheDir(), 'redis'), port);
  if ((await redisAnswers(HOST, port)) && !(await ownerAlive(slot))) return { url, kind: 'reused', stop: async () => {} };

  const dir = path.join(repoCacheDir(), 'redis');
  await fs.mkdir(dir, { recursive: true });
  const binary = await ensureRedisServerBinary(dir);

  return withFileLock(slot.lockFile, async () => {
    if (await redisAnswers(HOST, port)) {
      return { url, kind: 'reused', stop: (await ownerAlive(slot)) ? await takeLease(slot) : async () => {} };
    }
    if (await portOpen(HOST, port)) throw new Error(`port ${port} is taken by something that is not Redis`);
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `khabar-redis-${port}-`));
    const logFile = path.join(dir, `redis-${options.purpose}-${port}.log`);
    await fs.writeFile(logFile, '');
    const proc = spawnLogged({
      command: binary,
      args: ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dataDir, '--protected-mode', 'yes', '--hash-max-listpack-entries', '512', '--hash-max-listpack-value', '1024'],
      logFile,
      cwd: dataDir,
      detached: options.detached,
    });
    const ok = await waitUntil(() => redisAnswers(HOST, port), {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 100,
      abort: () => proc.exited(),
    });
    if (!ok) {
      await proc.stop(2_000);
      throw new Error(`redis-server on port ${port} did not answer PING within ${START_TIMEOUT_MS} ms; last log lines (${logFile}):\n${tailFile(logFile)}`);
    }
    if (options.detached) {
      await fs.writeFile(pidFile(options.purpose), `${proc.pid}\n${port}\n${dataDir}\n`);
      return { url, kind: 'process', stop: () => proc.stop() };
    }
    await claimOwnership(slot, { pid: proc.pid, cleanupDir: dataDir });
    return { url, kind: 'process', stop: await takeLease(slot, () => proc.stop()) };
  });
}

/** Where `up` records the detached redis-server of a purpose (read by `down`/`status`). */
export function pidFile(purpose: EnsureRedisOptions['purpose']): string {
  return path.join(repoCacheDir(), 'redis', `redis-${purpose}.pid`);
}

async function ensureRedisServerBinary(lockDir: string): Promise<string> {
  const existing = findCommand('redis-server');
  if (existing) return existing;
  return withFileLock(path.join(lockDir, 'install.lock'), async () => {
    const again = findCommand('redis-server');
    if (again) return again;
    await aptInstall(['redis-server']);
    const installed = findCommand('redis-server');
    if (!installed) throw new Error('apt-get installed redis-server but it is not on PATH');
    return installed;
  });
}

async function startRedisContainer(): Promise<RunningService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('redis:7')
    .withExposedPorts(6379)
    .withCommand(['redis-server', '--save', '', '--appendonly', 'no', '--hash-max-listpack-entries', '512', '--hash-max-listpack-value', '1024'])
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  return {
    url: `redis://${container.getHost()}:${container.getMappedPort(6379)}`,
    kind: 'container',
    async stop() {
      await container.stop();
    },
  };
}
