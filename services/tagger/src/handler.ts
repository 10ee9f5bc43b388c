import type { Tagger } from '@khabar/ner';
import type { StageHandler } from '@khabar/worker-kit';

export interface TagHandlerDeps {
  readonly tagger: Tagger;
}

/** Tags people, organisations and places in the title and body; deterministic, so retries are safe. */
export function createTagHandler(deps: TagHandlerDeps): StageHandler<'tag'> {
  return async (job, { log }) => {
    const entities = deps.tagger.tag(job.article.text, job.article.lang);
    log.debug({ entities: entities.entities.length, mentions: entities.mentions.length }, 'tagged');
    return { kind: 'handoff', data: { ...job, entities } };
  };
}
