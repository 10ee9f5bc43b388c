import { createFileArchive } from './file-archive.ts';
import { createS3Archive, type S3ArchiveOptions } from './s3-archive.ts';
import type { PageArchive } from './types.ts';

/**
 * The archive settings as the services parse them (`archiveEnv` in @khabar/config). The S3 ones
 * are optional here so a service built before they existed still type-checks.
 */
export interface ArchiveSettings {
  readonly KHABAR_ARCHIVE_DIR: string;
  readonly KHABAR_ARCHIVE_S3_BUCKET?: string | undefined;
  readonly KHABAR_ARCHIVE_S3_ENDPOINT?: string | undefined;
  readonly KHABAR_ARCHIVE_S3_REGION?: string | undefined;
  readonly KHABAR_ARCHIVE_S3_ACCESS_KEY_ID?: string | undefined;
  readonly KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY?: string | undefined;
  readonly KHABAR_ARCHIVE_S3_FORCE_PATH_STYLE?: boolean | undefined;
  readonly KHABAR_ARCHIVE_S3_KEY_PREFIX?: string | undefined;
}

export type ArchiveTarget = { readonly kind: 'file'; readonly dir: string } | ({ readonly kind: 's3' } & S3ArchiveOptions);

/** A bucket name selects the S3 store; otherwise the file store in KHABAR_ARCHIVE_DIR. */
export function archiveTargetOf(settings: ArchiveSettings): ArchiveTarget {
  const bucket = settings.KHABAR_ARCHIVE_S3_BUCKET?.trim() ?? '';
  if (bucket === '') return { kind: 'file', dir: settings.KHABAR_ARCHIVE_DIR };
  const id = settings.KHABAR_ARCHIVE_S3_ACCESS_KEY_ID ?? '';
  const secret = settings.KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY ?? '';
  if ((id === '') !== (secret === '')) {
    throw new TypeError('KHABAR_ARCHIVE_S3_ACCESS_KEY_ID and KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS default credential chain');
  }
  return {
    kind: 's3',
    bucket,
    endpoint: settings.KHABAR_ARCHIVE_S3_ENDPOINT || undefined,
    region: settings.KHABAR_ARCHIVE_S3_REGION || undefined,
    credentials: id === '' ? undefined : { accessKeyId: id, secretAccessKey: secret },
    forcePathStyle: settings.KHABAR_ARCHIVE_S3_FORCE_PATH_STYLE ?? false,
    keyPrefix: settings.KHABAR_ARCHIVE_S3_KEY_PREFIX ?? '',
  };
}

export interface OpenedArchive {
  readonly archive: PageArchive;
  /** Where it is, for the start-up log (no secrets). */
  readonly description: string;
  close(): void;
}

/** The archive the settings name: the file store, or the S3-compatible store when a bucket is set. */
export function openPageArchive(settings: ArchiveSettings): OpenedArchive {
  const target = archiveTargetOf(settings);
  if (target.kind === 'file') return { archive: createFileArchive({ dir: target.dir }), description: `file:${target.dir}`, close: () => {} };
  const archive = createS3Archive(target);
  return { archive, description: `s3:${target.endpoint ?? 'aws'}/${target.bucket}/${target.keyPrefix ?? ''}`, close: () => archive.close() };
}
