/** Prints the one plain line CI reads ("tests: N passed, N failed, N skipped") from vitest's JSON report. */
import { readFile } from 'node:fs/promises';

const path = process.argv[2] ?? 'test-results/vitest.json';
try {
  const report = JSON.parse(await readFile(path, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTests: number };
  const skipped = report.numPendingTests + report.numTodoTests;
  process.stdout.write(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  if (report.numTotalTests === 0) process.exitCode = 1;
} catch (err) {
  process.stdout.write(`tests: 0 passed, 1 failed\n`);
  process.stderr.write(`no test report at ${path}: ${String(err)}\n`);
  process.exitCode = 1;
}
