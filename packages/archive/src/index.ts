export { createFileArchive, type FileArchiveOptions } from './file-archive.ts';
export { archiveKeyFor, parseArchiveKey, type ParsedKey } from './archive-key.ts';
export type { ArchiveEntry, ArchiveRecord, ArchivedPage, ListOptions, PageArchive } from './types.ts';
