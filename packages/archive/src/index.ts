export { createFileArchive, type FileArchiveOptions } from './file-archive.ts';
export { createS3Archive, type S3ArchiveOptions, type S3PageArchive } from './s3-archive.ts';
export { archiveTargetOf, openPageArchive, type ArchiveSettings, type ArchiveTarget, type OpenedArchive } from './open-archive.ts';
export { archiveKeyFor, parseArchiveKey, type ParsedKey } from './archive-key.ts';
export type { ArchiveEntry, ArchiveRecord, ArchivedPage, ListOptions, PageArchive } from './types.ts';
