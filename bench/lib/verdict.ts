/**
 * The bench's verdict: which of issue 9's targets a run met and, for each one it missed, the
 * stage that holds it back and why, worked out from the figures of the same run. Pure: the
 * pipeline bench passes the figures in and prints the lines.
 */

export const TARGETS = {
  e2eDocsPerSec: 200,
  queueOverheadRatio: 0.3,
  p95HalfLoadMs: 2000,
  workerRssMb: 250,
  redisBytesPerUrl: 1024,
  cores: 2,
} as const;

export interface StageCost {
  readonly name: string;
  readonly cpuMsPerDoc: number;
  readonly copies: number;
  readonly peakRssMb: number;
}

export interface HopTimes {
  readonly queue: string;
  readonly waitP95Ms: number;
  readonly runP95Ms: number;
}

export interface VerdictInput {
  readonly e2eDocsPerSec: number;
  /** CPU of every service process and Redis per indexed document, during the full load. */
  readonly pipelineCpuMsPerDoc: number;
  readonly redisCpuMsPerDoc: number;
  readonly esCpuMsPerDoc: number;
  /** Ceiling (a): the stages' code in one process, per document, and its parts. */
  readonly inProcessMsPerDoc: number;
  readonly inProcessParts: Readonly<Record<string, number>>;
  /** Ceiling (c): CPU per document of the no-op stage pipeline, and per hop. */
  readonly noopCpuMsPerDoc: number;
  readonly noopRedisCpuMsPerDoc: number;
  readonly noopCpuMsPerHop: Readonly<Record<string, number>>;
  readonly stages: readonly StageCost[];
  readonly p95HalfLoadMs: number;
  readonly halfLoadHops: readonly HopTimes[];
  readonly redisBytesPerUrl: number;
}

export interface Verdict {
  readonly targets: {
    readonly e2eAtLeast200: boolean;
    readonly overheadAtMost30Pct: boolean;
    readonly p95HalfLoadAtMost2s: boolean;
    readonly workerRssAtMost250Mb: boolean;
    readonly redisAtMost1KbPerUrl: boolean;
  };
  /** One explanation per missed target (none when every target is met); a figure that was not measured is said to be. */
  readonly why: readonly string[];
}

const ms = (x: number): string => x.toFixed(2);
const byCost = (a: readonly [string, number], b: readonly [string, number]): number => b[1] - a[1];

/** Judges the run against the targets and explains each miss. */
export function judge(v: VerdictInput): Verdict {
  const overhead = v.noopCpuMsPerDoc / v.inProcessMsPerDoc;
  const targets = {
    e2eAtLeast200: v.e2eDocsPerSec >= TARGETS.e2eDocsPerSec,
    overheadAtMost30Pct: overhead <= TARGETS.queueOverheadRatio,
    p95HalfLoadAtMost2s: v.p95HalfLoadMs <= TARGETS.p95HalfLoadMs,
    workerRssAtMost250Mb: v.stages.every((s) => s.peakRssMb <= TARGETS.workerRssMb),
    redisAtMost1KbPerUrl: v.redisBytesPerUrl <= TARGETS.redisBytesPerUrl,
  };
  const why: string[] = [];

  if (!targets.e2eAtLeast200) {
    const budget = (1000 * TARGETS.cores) / TARGETS.e2eDocsPerSec;
    const perDoc = v.pipelineCpuMsPerDoc + v.esCpuMsPerDoc;
    const busiest = [...v.stages].sort((a, b) => b.cpuMsPerDoc / b.copies - a.cpuMsPerDoc / a.copies)[0];
    const parts = Object.entries(v.inProcessParts).sort(byCost).map(([k, x]) => `${k} ${ms(x)}`).join(', ');
    const floor = v.inProcessMsPerDoc + v.esCpuMsPerDoc;
    why.push(
      `end to end < ${TARGETS.e2eDocsPerSec} docs/s: CPU holds it back. ${TARGETS.e2eDocsPerSec} docs/s on ${TARGETS.cores} cores leaves ${ms(budget)} CPU ms per document; ` +
        `the pipeline spent ${ms(perDoc)} (services and Redis ${ms(v.pipelineCpuMsPerDoc)}, Elasticsearch ${ms(v.esCpuMsPerDoc)}), so ${TARGETS.cores} busy cores allow ${((1000 * TARGETS.cores) / perDoc).toFixed(0)} docs/s. ` +
        (busiest ? `The costliest stage is ${busiest.name} (${ms(busiest.cpuMsPerDoc / busiest.copies)} CPU ms/doc per process). ` : '') +
        (!Number.isFinite(floor)
          ? 'The ceilings were skipped, so how much of it is the stages\' own code was not measured.'
          : floor > budget
          ? `Even with free queues the stages' own code (${ms(v.inProcessMsPerDoc)}: ${parts}) and Elasticsearch (${ms(v.esCpuMsPerDoc)}) need ${ms(floor)}, more than the budget.`
          : `The stages' own code (${ms(v.inProcessMsPerDoc)}: ${parts}) and Elasticsearch (${ms(v.esCpuMsPerDoc)}) fit the budget; the rest (${ms(perDoc - floor)}) is queues, fetching, archiving and serialisation.`),
    );
  }
  if (!Number.isFinite(overhead)) {
    why.push('queue overhead: not measured (the ceilings were skipped).');
  } else if (!targets.overheadAtMost30Pct) {
    const hops = Object.entries(v.noopCpuMsPerHop).sort(byCost);
    const [worst] = hops;
    why.push(
      `queue overhead ${(overhead * 100).toFixed(0)} % > ${TARGETS.queueOverheadRatio * 100} %: a document's ${hops.length} queue hops cost ${ms(v.noopCpuMsPerDoc)} CPU ms ` +
        `(Redis ${ms(v.noopRedisCpuMsPerDoc)} of it; the stage workers ${hops.map(([q, x]) => `${q} ${ms(x)}`).join(', ')}) against ${ms(v.inProcessMsPerDoc)} of stage code` +
        (worst ? `; the costliest worker is ${worst[0]}'s, whose payload is the largest it handles.` : '.'),
    );
  }
  if (!targets.p95HalfLoadAtMost2s) {
    const slowest = [...v.halfLoadHops].sort((a, b) => b.waitP95Ms + b.runP95Ms - (a.waitP95Ms + a.runP95Ms))[0];
    why.push(
      `p95 at half load ${(v.p95HalfLoadMs / 1000).toFixed(2)} s > ${TARGETS.p95HalfLoadMs / 1000} s` +
        (slowest ? `: the ${slowest.queue} queue adds the most (p95 wait ${slowest.waitP95Ms} ms, run ${slowest.runP95Ms} ms).` : ': no per-queue times were recorded.'),
    );
  }
  if (!targets.workerRssAtMost250Mb) {
    const over = v.stages.filter((s) => s.peakRssMb > TARGETS.workerRssMb).map((s) => `${s.name} ${s.peakRssMb.toFixed(0)} MB`);
    why.push(`worker RSS > ${TARGETS.workerRssMb} MB: ${over.join(', ')}.`);
  }
  if (!targets.redisAtMost1KbPerUrl) {
    why.push(`Redis ${v.redisBytesPerUrl.toFixed(0)} bytes per queued URL > ${TARGETS.redisBytesPerUrl}: the job and the status record of a URL waiting for its fetch.`);
  }
  return { targets, why };
}
