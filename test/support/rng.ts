/** mulberry32: a small seeded PRNG for tests, so a failing random case is reproducible (the bench's own). */
export { createRng, type Rng } from '../../bench/lib/prng.ts';
