import { SERVICES, type ServiceName } from '@khabar/stack';

/** Command-line options of bench/pipeline.ts. */
export interface BenchArgs {
  readonly pages: number;
  readonly hosts: number;
  readonly seed: number;
  /** KHABAR_CONCURRENCY per stage (the indexer keeps its own default unless named). */
  readonly concurrency: Partial<Record<ServiceName, number>>;
  /** Processes per stage (default 1 each). */
  readonly copies: Partial<Record<ServiceName, number>>;
  /** Stages to run under `node --cpu-prof`, summarised at the end. */
  readonly profile: readonly ServiceName[];
  /** Length of the open-loop half-load run. */
  readonly halfSeconds: number;
  readonly skipCeilings: boolean;
  /** Start every service (and the no-op stages) with WORKER_NODE_FLAGS (default; `--v8-defaults` turns it off). */
  readonly workerFlags: boolean;
  /** Profile the no-op pipeline's stage processes too (`--profile-noop`). */
  readonly profileNoop: boolean;
  readonly logLevel: string;
  readonly redisPort: number;
  readonly esPort: number;
  readonly esHeap: string;
  /** Sample Elasticsearch's hot threads during the full load (CPU by thread pool; the sampling costs Elasticsearch some CPU). */
  readonly esHotThreads: boolean;
}

export const USAGE = `usage: node bench/pipeline.ts [--pages N=10000] [--hosts 200] [--seed 1]
  [--concurrency N | stage=N,…] [--copies stage=N,…] [--profile stage,…] [--half-seconds 30]
  [--skip-ceilings] [--v8-defaults] [--profile-noop] [--es-hot-threads] [--log-level info] [--redis-port 6397] [--es-port 9257] [--es-heap 1g]`;

function isService(name: string): name is ServiceName {
  return (SERVICES as readonly string[]).includes(name);
}

function perStage(value: string, all: readonly ServiceName[]): Partial<Record<ServiceName, number>> {
  const out: Partial<Record<ServiceName, number>> = {};
  if (/^\d+$/u.test(value)) {
    for (const s of all) out[s] = Number(value);
    return out;
  }
  for (const part of value.split(',')) {
    const [name = '', n = ''] = part.split('=');
    if (!isService(name) || !/^\d+$/u.test(n) || Number(n) < 1) throw new Error(`bad stage=N pair "${part}"\n${USAGE}`);
    out[name] = Number(n);
  }
  return out;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  const int = (flag: string, dflt: number, min = 1): number => {
    const v = get(flag);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}\n${USAGE}`);
    return n;
  };
  const profile = (get('--profile') ?? '').split(',').filter((p) => p !== '');
  for (const p of profile) if (!isService(p)) throw new Error(`--profile must name stages (${SERVICES.join(', ')})`);
  const hosts = int('--hosts', 200);
  if (hosts > 254 * 4) throw new Error('--hosts: at most 1016 loopback hosts');
  const stages = SERVICES.filter((s) => s !== 'api' && s !== 'indexer');
  return {
    pages: int('--pages', 10_000),
    hosts,
    seed: int('--seed', 1),
    concurrency: perStage(get('--concurrency') ?? '4', stages),
    copies: perStage(get('--copies') ?? '1', SERVICES),
    profile: profile as ServiceName[],
    halfSeconds: int('--half-seconds', 30),
    skipCeilings: argv.includes('--skip-ceilings'),
    workerFlags: !argv.includes('--v8-defaults'),
    profileNoop: argv.includes('--profile-noop'),
    logLevel: get('--log-level') ?? 'info',
    redisPort: int('--redis-port', 6397),
    esPort: int('--es-port', 9257),
    esHeap: get('--es-heap') ?? '1g',
    esHotThreads: argv.includes('--es-hot-threads'),
  };
}
