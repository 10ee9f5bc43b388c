import type { Logger } from './logger.ts';

export interface ShutdownOptions {
  readonly logger: Logger;
  /** Steps run in order on the first signal: stop taking work, drain, close connections. */
  readonly steps: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<unknown> }>;
  /** Hard limit for the whole shutdown; the process exits with code 1 past it. */
  readonly timeoutMs: number;
}

export interface ProcessLike {
  on(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  exit(code?: number): never;
}

/**
 * Graceful shutdown for a service's main: the first SIGTERM/SIGINT runs the steps in order under a
 * time limit, a second signal forces exit at once. The process is passed in: only main touches it.
 */
export function installGracefulShutdown(proc: ProcessLike, options: ShutdownOptions): void {
  let shuttingDown = false;
  const onSignal = (signal: string) => {
    if (shuttingDown) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      proc.exit(130);
    }
    shuttingDown = true;
    options.logger.info({ signal, timeoutMs: options.timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error('shutdown timed out: exiting');
      proc.exit(1);
    }, options.timeoutMs);
    timer.unref();
    (async () => {
      let code = 0;
      for (const step of options.steps) {
        try {
          await step.run();
        } catch (err) {
          code = 1;
          options.logger.error({ err, step: step.name }, 'shutdown step failed');
        }
      }
      options.logger.info({ code }, 'shutdown complete');
      options.logger.flush();
      proc.exit(code);
    })().catch(() => proc.exit(1));
  };
  proc.on('SIGTERM', () => onSignal('SIGTERM'));
  proc.on('SIGINT', () => onSignal('SIGINT'));
}
