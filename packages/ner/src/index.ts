export { createTagger, tagJsonl } from './tagger.ts';
export { KhabarNerError, type NerErrorCode } from './errors.ts';
export type {
  Entity,
  EntityType,
  JsonlInput,
  JsonlOutput,
  Mention,
  TagResult,
  Tagger,
  TaggerOptions,
} from './types.ts';
