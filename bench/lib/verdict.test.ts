import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, type VerdictInput } from './verdict.ts';

interface Stage {
  copies: number;
  cpuMsPerDoc: number;
  peakRssMb: number;
}
interface Hop {
  queue: string;
  waitMs: { p95: number };
  runMs: { p95: number };
}
interface Report {
  figures: { e2eDocsPerSec: number; pipelineCpuMsPerDoc: number; esCpuMsPerDoc: number; redisBytesPerQueuedUrl: number };
  targets: Record<string, boolean>;
  stages: Record<string, Stage>;
  redisCpuMsPerDoc: number;
  inProcess: { msPerDoc: { extract: number; dedup: number; tag: number; total: number } };
  noop: { cpuMsPerDoc: number; redisCpuMsPerDoc: number; stageCpuMsPerDoc: Record<string, number> };
  half: { latencyMs: { p95: number }; hops: Hop[] };
}

/** The figures of a committed bench run (the landed version of 2026-11-29, on a slow host). */
function inputOf(file: string): { input: VerdictInput; report: Report } {
  const report = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'results', file), 'utf8')) as Report;
  const { extract, dedup, tag, total } = report.inProcess.msPerDoc;
  return {
    report,
    input: {
      e2eDocsPerSec: report.figures.e2eDocsPerSec,
      pipelineCpuMsPerDoc: report.figures.pipelineCpuMsPerDoc,
      redisCpuMsPerDoc: report.redisCpuMsPerDoc,
      esCpuMsPerDoc: report.figures.esCpuMsPerDoc,
      inProcessMsPerDoc: total,
      inProcessParts: { extract, dedup, tag },
      noopCpuMsPerDoc: report.noop.cpuMsPerDoc,
      noopRedisCpuMsPerDoc: report.noop.redisCpuMsPerDoc,
      noopCpuMsPerHop: report.noop.stageCpuMsPerDoc,
      stages: Object.entries(report.stages).map(([name, s]) => ({ name, cpuMsPerDoc: s.cpuMsPerDoc, copies: s.copies, peakRssMb: s.peakRssMb })),
      p95HalfLoadMs: report.half.latencyMs.p95,
      halfLoadHops: report.half.hops.map((h) => ({ queue: h.queue, waitP95Ms: h.waitMs.p95, runP95Ms: h.runMs.p95 })),
      redisBytesPerUrl: report.figures.redisBytesPerQueuedUrl,
    },
  };
}

describe('judge', () => {
  it('reaches the verdict the run recorded and explains both misses with its own figures', () => {
    const { input, report } = inputOf('2026-11-29T10-59-12Z.json');
    const { targets, why } = judge(input);
    expect(targets).toEqual(report.targets);
    expect(why).toHaveLength(2);
    // 50.85 + 10.71 CPU ms per document on 2 cores: 32 docs/s at most; the tagger costs the most.
    expect(why[0]).toContain('spent 61.56');
    expect(why[0]).toContain('allow 32 docs/s');
    expect(why[0]).toContain('costliest stage is tagger (14.68');
    // The stages' code (16.71) and Elasticsearch (10.71) alone exceed 10 ms per document.
    expect(why[0]).toContain('Even with free queues');
    expect(why[0]).toContain('tag 9.19, extract 5.62, dedup 1.90');
    expect(why[1]).toMatch(/^queue overhead 31 % > 30 %: a document's 5 queue hops cost 5\.25 CPU ms/u);
  });

  it('says nothing when every target is met, and names what breaks each one that is not', () => {
    const { input } = inputOf('2026-11-29T10-59-12Z.json');
    const good: VerdictInput = { ...input, e2eDocsPerSec: 250, noopCpuMsPerDoc: input.inProcessMsPerDoc * 0.2 };
    expect(judge(good).why).toEqual([]);
    expect(Object.values(judge(good).targets).every(Boolean)).toBe(true);

    const bad: VerdictInput = {
      ...good,
      p95HalfLoadMs: 2500,
      stages: good.stages.map((s) => (s.name === 'parser' ? { ...s, peakRssMb: 301 } : s)),
      redisBytesPerUrl: 1500,
    };
    const { targets, why } = judge(bad);
    expect(targets).toMatchObject({ e2eAtLeast200: true, overheadAtMost30Pct: true, p95HalfLoadAtMost2s: false, workerRssAtMost250Mb: false, redisAtMost1KbPerUrl: false });
    expect(why).toEqual([
      'p95 at half load 2.50 s > 2 s: the index queue adds the most (p95 wait 4 ms, run 1296 ms).',
      'worker RSS > 250 MB: parser 301 MB.',
      'Redis 1500 bytes per queued URL > 1024: the job and the status record of a URL waiting for its fetch.',
    ]);
  });

  it('blames queues and serialisation when the stage code and Elasticsearch fit the budget', () => {
    const { input } = inputOf('2026-11-29T10-59-12Z.json');
    const { why } = judge({ ...input, inProcessMsPerDoc: 4, inProcessParts: { extract: 2, dedup: 1, tag: 1 }, esCpuMsPerDoc: 3, noopCpuMsPerDoc: 1 });
    expect(why).toHaveLength(1);
    expect(why[0]).toContain('fit the budget; the rest (46.85) is queues, fetching, archiving and serialisation');
  });
});

describe('judge without the ceilings (--skip-ceilings)', () => {
  it('says the overhead and the stage code were not measured instead of judging NaN', () => {
    const { input } = inputOf('2026-11-29T10-59-12Z.json');
    const { targets, why } = judge({ ...input, inProcessMsPerDoc: Number.NaN, inProcessParts: {}, noopCpuMsPerDoc: Number.NaN, noopRedisCpuMsPerDoc: Number.NaN, noopCpuMsPerHop: {} });
    expect(targets.overheadAtMost30Pct).toBe(false);
    expect(why).toHaveLength(2);
    expect(why[0]).toContain('The ceilings were skipped');
    expect(why[1]).toBe('queue overhead: not measured (the ceilings were skipped).');
  });
});
