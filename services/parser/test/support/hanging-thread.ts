/** The real extract thread, except that a page whose URL contains "/hang" spins forever and "/oom" eats memory. */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (req: { url?: string }) => {
  if (req.url?.includes('/hang') === true) for (;;);
  if (req.url?.includes('/oom') === true) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(100_000).fill(hog.length));
  }
});
await import('../../src/extract-thread.ts');
