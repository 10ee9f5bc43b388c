/** A service a caller can talk to, and how to let it go again. */
export interface RunningService {
  /** `redis://127.0.0.1:6391` or `http://127.0.0.1:9251`. */
  readonly url: string;
  /** env: taken from REDIS_URL/ELASTICSEARCH_URL; container: testcontainers; process: spawned here; reused: already answering. */
  readonly kind: 'env' | 'container' | 'process' | 'reused';
  /**
   * Lets go of the service. A no-op for `env` and for services this package did not start
   * (external, or detached by the CLI `up`). Local processes started by ensure* are shared across
   * processes: each ensure* holds a lease and the process is stopped (SIGTERM, SIGKILL after 10 s)
   * when the last lease is released, so one test run's teardown never stops another run's service.
   */
  stop(): Promise<void>;
}

export type Purpose = 'test' | 'demo';

export interface EnsureRedisOptions {
  readonly purpose: Purpose;
  /** Defaults: test 6391, demo 6390. */
  readonly port?: number;
}

export interface EnsureElasticsearchOptions {
  readonly purpose: Purpose;
  /** HTTP port. Defaults: test 9251, demo 9250; the transport port is this + 100. */
  readonly port?: number;
  /** JVM heap, e.g. `512m`, `1g`. Defaults: test 512m, demo 1g. */
  readonly heap?: string;
}

/** Options shared by the process launchers: `detached` keeps the service alive after we exit (CLI `up`). */
export interface LaunchOptions {
  readonly detached?: boolean;
}
