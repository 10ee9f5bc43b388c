import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type JobOutcome = 'completed' | 'failed' | 'retried' | 'deferred';

export interface StageMetrics {
  readonly registry: Registry;
  startJob(queue: string): (outcome: JobOutcome) => void;
  /** Reports this queue's depth by state and its oldest waiting job's age on every scrape. */
  watchQueue(queue: Queue): void;
}

const DEPTH_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

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
  const watched: Queue[] = [];
  new Gauge({
    name: 'khabar_queue_jobs',
    help: 'Jobs in the queue, by state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const q of watched) {
        const counts = await q.getJobCounts(...DEPTH_STATES);
        for (const state of DEPTH_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'khabar_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting to be picked up (0 when none)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      for (const q of watched) {
        const oldest = await q.getJobs(['waiting', 'prioritized'], 0, 0, true);
        const ts = oldest.reduce((min, j) => (j && j.timestamp < min ? j.timestamp : min), Number.POSITIVE_INFINITY);
        this.set({ queue: q.name }, Number.isFinite(ts) ? Math.max(0, (Date.now() - ts) / 1000) : 0);
      }
    },
  });
  return {
    registry,
    watchQueue(queue) {
      watched.push(queue);
    },
    startJob(queue) {
      const end = duration.startTimer({ queue });
      return (outcome) => {
        end({ outcome });
        jobs.inc({ queue, outcome });
      };
    },
  };
}
