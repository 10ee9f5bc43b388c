import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type JobOutcome = 'completed' | 'failed' | 'retried';

export interface StageMetrics {
  readonly registry: Registry;
  startJob(queue: string): (outcome: JobOutcome) => void;
}

/** Per-process Prometheus registry with job counters and latency per stage, plus Node defaults. */
export function createStageMetrics(service: string): StageMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({ name: 'khabar_jobs_total', help: 'Jobs handled, by queue and outcome', labelNames: ['queue', 'outcome'], registers: [registry] });
  const duration = new Histogram({
    name: 'khabar_job_duration_seconds',
    help: 'Time spent handling one job, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    registry,
    startJob(queue) {
      const end = duration.startTimer({ queue });
      return (outcome) => {
        end({ outcome });
        jobs.inc({ queue, outcome });
      };
    },
  };
}
