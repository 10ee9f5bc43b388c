/** Codes of index maintenance failures (rollover, migration), as the CLI prints them. */
export type IndexMaintenanceCode = 'KHABAR_E_INDEX_BUSY' | 'KHABAR_E_INDEX_MISSING' | 'KHABAR_E_BAD_INPUT' | 'KHABAR_E_INDEX_MIGRATION';

/**
 * A rollover or migration that cannot go on: another one holds the maintenance lock (BUSY: try
 * again later), the aliases are missing (MISSING: start the indexer first), a bad setting, or a
 * migration state that needs an operator (MIGRATION, with what to do in the message).
 */
export class IndexMaintenanceError extends Error {
  readonly code: IndexMaintenanceCode;

  constructor(code: IndexMaintenanceCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IndexMaintenanceError';
    this.code = code;
  }
}
