/**
 * `node packages/local-infra/src/main.ts up|down|status [--purpose demo|test]` (default: demo).
 * `up` starts Redis and Elasticsearch detached (or reuses what answers), `down` stops what `up`
 * started, `status` reports health. Exit code 1 on failure, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { down, status, up } from './commands.ts';
import type { Purpose } from './types.ts';

const usage = 'usage: main.ts up|down|status [--purpose demo|test]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { purpose: { type: 'string', default: 'demo' } },
  });
  const command = positionals[0];
  const purpose = values.purpose;
  if (purpose !== 'demo' && purpose !== 'test') {
    console.error(usage);
    return 2;
  }
  const p: Purpose = purpose;
  switch (command) {
    case 'up':
      for (const { name, service } of await up(p)) console.log(`${name}\t${service.url}\t${service.kind}`);
      return 0;
    case 'down':
      for (const { name, pid } of await down(p)) console.log(`${name}\t${pid === undefined ? 'not running (no live pid file)' : `stopped pid ${pid}`}`);
      return 0;
    case 'status': {
      const services = await status(p);
      for (const s of services) console.log(`${s.name}\t${s.url}\t${s.healthy ? 'healthy' : 'down'}${s.pid ? `\tpid ${s.pid}` : ''}`);
      return services.every((s) => s.healthy) ? 0 : 1;
    }
    case undefined:
    default:
      console.error(usage);
      return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
