/**
 * V8 flags every stage process should start with (`node <flags> services/<stage>/src/main.ts`, or
 * NODE_OPTIONS). V8 sizes the young generation from the heap limit (~4 GB here), so a worker that
 * allocates fast lets its young generation grow to ~100 MB before collecting. Measured on the
 * no-op stage pipeline: 16 MB semi-spaces took peak RSS from 255–317 MB to 196–229 MB per stage
 * and CPU per document down ~15 % (smaller, cache-friendlier scavenges); 8 MB takes another
 * ~10–15 MB off every process for ~5 % more CPU in the hop itself (4 MB: −20 MB, +15 % CPU).
 * The old generation is capped at 192 MB: V8 sizes its growth steps from the cap (~4 GB by
 * default), so a worker with a ~55 MB live heap (the tagger with its models) let garbage pile up
 * to ~130 MB of heap before a full collection (peak RSS 295 MB over 800 tagged pages); with the
 * cap it stays near 70 MB (peak 187 MB) at no measurable CPU cost. 192 MB is 3.5 times the
 * largest live heap of any stage; the parser's extract threads have their own cap
 * (KHABAR_EXTRACT_MAX_HEAP_MB).
 * Flags cannot be changed once V8 runs, so the launcher (compose, the Dockerfile, LocalStack)
 * passes them.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=192'];

/**
 * Stages that start with other flags than WORKER_NODE_FLAGS: the tagger, on 4 MB semi-spaces. It
 * allocates the most per document (feature hashing, Viterbi lattices over every sentence). Session
 * 8 measured its pages in one process (CPU ms per page): 8 MB 7.3 / 10.2 / 11.1, 16 MB 6.5 / 6.9 /
 * 7.4, 32 MB 6.1 / 6.2 / 8.7; peak RSS 212–229, 234–246 and 284–298 MB, and chose 16 MB. With
 * session 11's larger KB and rules, 16 MB peaked the tagger worker at 257, 267 and 261 MB in three
 * 2,000-page pipeline runs (plan 250 MB); 8 MB at 248 MB for 10.4 against 10.0 CPU ms per document
 * (`bench/results/2026-11-29T22-35-08Z.json` against `…22-33-30Z.json`). With session 15's larger
 * models, 8 MB peaked it at 274 and 258 MB; tagging 1,350 articles in one process peaked at 245–265
 * MB on 8 MB and 240–249 MB on 4 MB for the same CPU within noise (13.0–14.9 s against 13.6–14.8 s).
 * The image and docker-compose.yml pass these through the tagger's NODE_OPTIONS.
 */
export const STAGE_NODE_FLAGS: Readonly<Record<string, readonly string[]>> = { tagger: ['--max-semi-space-size=4', '--max-old-space-size=192'] };

/**
 * Environment every stage process should start with. glibc gives each thread that allocates its
 * own malloc arena and keeps freed memory in it; Node's libuv pool (gzip, file I/O, crypto) and
 * V8's helper threads make that up to 8 × cores arenas of retained memory per process. Two
 * arenas are plenty for a mostly single-threaded worker.
 * A fixed trim threshold (128 KB) also turns off glibc's sliding one: after a process frees a
 * large block (the tagger's model files are gunzipped and parsed into 13 MB and 19 MB buffers at
 * start-up) glibc raises its mmap and trim thresholds and keeps later freed memory instead of
 * giving it back. Measured in session 18 (one process loading the tagger and tagging two
 * articles, 4 MB semi-spaces): RSS 246 MB without it, 199–200 MB with it; tagging 1,194
 * articles peaked at 284–289 MB against 253 MB, for the same CPU per article within noise.
 */
export const WORKER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
