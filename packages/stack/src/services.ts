import { fileURLToPath } from 'node:url';

/** Every pipeline process, in pipeline order, with its entry point. */
export const SERVICES = ['api', 'fetcher', 'parser', 'dedup', 'tagger', 'indexer'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function entryPoint(service: ServiceName): string {
  return `${REPO_ROOT}services/${service}/src/main.ts`;
}
