import fs from 'node:fs/promises';
import { ELASTICSEARCH_DEFAULT_PORTS, elasticsearchHealthy, elasticsearchPidFile, ensureElasticsearch } from './elasticsearch.ts';
import { redisAnswers } from './probe.ts';
import { pidAlive, stopPid } from './process.ts';
import { ensureRedis, pidFile as redisPidFile, REDIS_DEFAULT_PORTS } from './redis.ts';
import type { Purpose, RunningService } from './types.ts';

export interface ServiceStatus {
  readonly name: 'redis' | 'elasticsearch';
  readonly url: string;
  readonly healthy: boolean;
  /** Pid recorded by `up` when that process is still alive. */
  readonly pid: number | undefined;
}

/** Starts both services detached (they outlive this process; pid files under .cache) or reuses them. */
export async function up(purpose: Purpose): Promise<readonly { name: string; service: RunningService }[]> {
  const [redis, elasticsearch] = await Promise.all([
    ensureRedis({ purpose, detached: true }),
    ensureElasticsearch({ purpose, detached: true }),
  ]);
  return [
    { name: 'redis', service: redis },
    { name: 'elasticsearch', service: elasticsearch },
  ];
}

/** Stops the processes `up` started for this purpose (SIGTERM, SIGKILL after 10 s). */
export async function down(purpose: Purpose): Promise<readonly { name: string; pid: number | undefined }[]> {
  const files = [
    { name: 'redis', file: redisPidFile(purpose) },
    { name: 'elasticsearch', file: elasticsearchPidFile(purpose) },
  ];
  return Promise.all(
    files.map(async ({ name, file }) => {
      const pid = await readPid(file);
      if (pid !== undefined) await stopPid(pid);
      await fs.rm(file, { force: true });
      return { name, pid };
    }),
  );
}

export async function status(purpose: Purpose): Promise<readonly ServiceStatus[]> {
  const redisPort = REDIS_DEFAULT_PORTS[purpose];
  const esUrl = `http://127.0.0.1:${ELASTICSEARCH_DEFAULT_PORTS[purpose]}`;
  const [redisOk, esOk, redisPid, esPid] = await Promise.all([
    redisAnswers('127.0.0.1', redisPort),
    elasticsearchHealthy(esUrl),
    readPid(redisPidFile(purpose)),
    readPid(elasticsearchPidFile(purpose)),
  ]);
  return [
    { name: 'redis', url: `redis://127.0.0.1:${redisPort}`, healthy: redisOk, pid: redisPid },
    { name: 'elasticsearch', url: esUrl, healthy: esOk, pid: esPid },
  ];
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isFinite(pid) && pidAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
