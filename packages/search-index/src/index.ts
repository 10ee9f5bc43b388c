export { createSearchClient, type SearchClientOptions } from './client.ts';
export { ensureIndex } from './ensure-index.ts';
export { articleTemplate, indexNames, TEMPLATE_VERSION } from './template.ts';
export { toDocument, siteOf, type ArticleDocument, type DocumentCluster, type DocumentEntity, type DocumentLink } from './document.ts';
export { createBulkIndexer, type BulkIndexer, type BulkIndexerOptions, type BulkLogger } from './bulk-indexer.ts';
export { classifyItemStatus, classifyRequestError, type ItemOutcome } from './bulk-classify.ts';
