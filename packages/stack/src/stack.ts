import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SERVICES, entryPoint, type ServiceName } from './services.ts';

/**
 * V8 flags each service starts with, as in the image and docker-compose.yml (WORKER_NODE_FLAGS and
 * STAGE_NODE_FLAGS in @khabar/worker-kit, which this package does not depend on).
 */
const NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=192'];
const SERVICE_NODE_FLAGS: Partial<Record<ServiceName, readonly string[]>> = { tagger: ['--max-semi-space-size=4', '--max-old-space-size=192'] };

export interface StackOptions {
  /** Environment shared by every service (REDIS_URL, ELASTICSEARCH_URL, prefixes, …). */
  readonly env: Readonly<Record<string, string>>;
  /** Per-service additions (e.g. a port for the API). */
  readonly serviceEnv?: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
  /** Folder for one log file per service process. */
  readonly logDir: string;
  /** Node binary (defaults to the one running this code). */
  readonly node?: string;
  readonly services?: readonly ServiceName[];
  /** Extra Node.js flags per service (e.g. `--cpu-prof` for the benchmark's profile of one stage). */
  readonly nodeArgs?: Partial<Record<ServiceName, readonly string[]>>;
}

export interface ServiceProcess {
  readonly name: ServiceName;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/**
 * Every stage as its own OS process, the way they run in production: no shared memory, only
 * Redis, Elasticsearch and the archive folder between them. Used by the demo, the end-to-end
 * tests and the benchmark.
 */
export class LocalStack {
  private readonly options: StackOptions;
  private readonly procs = new Map<string, ServiceProcess>();
  /** Every process ever spawned, exited ones included, with its exit code once known. */
  private readonly history: Array<{ proc: ServiceProcess; exit?: number | string }> = [];
  private readonly logs: WriteStream[] = [];
  private counter = 0;

  constructor(options: StackOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    await mkdir(this.options.logDir, { recursive: true });
    for (const name of this.options.services ?? SERVICES) this.spawn(name);
  }

  /** Starts one more copy of a stage (scaling out), or a replacement after a kill. */
  spawn(name: ServiceName): ServiceProcess {
    this.counter += 1;
    const key = `${name}-${this.counter}`;
    const logFile = join(this.options.logDir, `${key}.log`);
    const log = createWriteStream(logFile, { flags: 'a' });
    this.logs.push(log);
    const child = spawn(this.options.node ?? process.execPath, [...(SERVICE_NODE_FLAGS[name] ?? NODE_FLAGS), ...(this.options.nodeArgs?.[name] ?? []), entryPoint(name)], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', ...this.options.env, ...this.options.serviceEnv?.[name] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
    const proc = { name, child, logFile, exited };
    this.procs.set(key, proc);
    const entry: { proc: ServiceProcess; exit?: number | string } = { proc };
    this.history.push(entry);
    exited.then(
      (code) => {
        entry.exit = code;
        this.procs.delete(key);
      },
      () => undefined,
    );
    return proc;
  }

  running(name?: ServiceName): ServiceProcess[] {
    return [...this.procs.values()].filter((p) => !name || p.name === name);
  }

  /** SIGKILLs every running copy of a stage: in-flight jobs are abandoned mid-work. */
  async kill(name: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const victims = this.running(name);
    for (const p of victims) p.child.kill(signal);
    await Promise.all(victims.map((p) => p.exited));
  }

  /** Graceful stop (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000): Promise<void> {
    const all = this.running();
    for (const p of all) p.child.kill('SIGTERM');
    await Promise.all(
      all.map(async (p) => {
        const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
        await p.exited;
        clearTimeout(timer);
      }),
    );
    await Promise.all(this.logs.map((l) => new Promise<void>((resolve) => l.end(() => resolve()))));
  }

  /** The last lines of every service's log (exited processes too, with their exit code), for failure messages. */
  async tailLogs(lines = 20): Promise<string> {
    const out: string[] = [];
    for (const { proc: p, exit } of this.history) {
      const text = await readFile(p.logFile, 'utf8').catch(() => '');
      out.push(`--- ${p.logFile}${exit === undefined ? '' : ` (exited: ${exit})`}\n${text.split('\n').slice(-lines).join('\n')}`);
    }
    return out.join('\n');
  }
}
