/**
 * V8 flags every stage process should start with (`node <flags> services/<stage>/src/main.ts`, or
 * NODE_OPTIONS). V8 sizes the young generation from the heap limit (~4 GB here), so a worker that
 * allocates fast lets its young generation grow to ~100 MB before collecting: measured on the
 * no-op stage pipeline, capping each semi-space at 16 MB took peak RSS from 255–317 MB to
 * 196–229 MB per stage and CPU per document down ~15 % (smaller, cache-friendlier scavenges).
 * Flags cannot be changed once V8 runs, so the launcher (compose, the Dockerfile, LocalStack)
 * passes them.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
