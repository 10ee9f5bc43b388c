export { QUEUES, PIPELINE, DEFAULT_PREFIX, nextQueue, type QueueName } from './queues.ts';
export {
  articleSchema,
  clusterSchema,
  entitySchema,
  entitiesSchema,
  mentionSchema,
  entityTypeSchema,
  type Article,
  type Cluster,
  type Entity,
  type Entities,
  type Mention,
  type EntityType,
} from './article.ts';
export {
  PAYLOAD_SCHEMAS,
  compactPayload,
  expandPayload,
  submissionSchema,
  fetchMetaSchema,
  fetchJobSchema,
  parseJobSchema,
  dedupJobSchema,
  tagJobSchema,
  indexJobSchema,
  type Submission,
  type FetchMeta,
  type FetchJob,
  type ParseJob,
  type DedupJob,
  type TagJob,
  type IndexJob,
  type PayloadOf,
  type PayloadInputOf,
} from './payloads.ts';
export { parsePayload, toContractIssues } from './validate.ts';
export { DEFAULT_JOB_OPTIONS, RETENTION, EVENTS_MAX_LEN, BACKOFF_TYPE, BACKOFF_DELAY_MS, jobIdFor, type Retention } from './job-options.ts';
export { QueueSet, type QueueSetOptions } from './queue-set.ts';
export { LinkStore, LINKS_TTL_SECONDS, hasLinks, linksFrom, withoutLinks, type ArticleLinks } from './links.ts';
export { StatusStore, URL_STATES, ACTIVE_STATE, type UrlState, type UrlStatus } from './status.ts';
export { submitUrls, fetchBacklog, BACKPRESSURE_RETRY_AFTER_S, DEFAULT_PRIORITY, type IntakeItem, type IntakeResult, type IntakeDeps } from './intake.ts';
