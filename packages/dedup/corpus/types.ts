/** A hand-written base story; copies and edits are derived from it by rule (see generate.ts). */
export interface BaseStory {
  readonly id: string;
  readonly lang: 'ar' | 'en';
  /** Stories sharing a topic share people, places and vocabulary: hard negatives for each other. */
  readonly topic: string;
  readonly lead: string;
  /** The same first sentence as rewritten by a republishing site. */
  readonly rewrittenLead: string;
  readonly body: readonly string[];
}

export type VariantKind = 'base' | 'boilerplate' | 'rewritten-lead' | 'added-paragraph' | 'dropped-paragraph' | 'spelling' | 'truncated' | 'combined';

export interface CorpusDocument {
  /** `<story id>/<variant>`. */
  readonly id: string;
  /** The label: documents derived from the same base story belong to the same cluster. */
  readonly story: string;
  readonly topic: string;
  readonly lang: 'ar' | 'en';
  readonly variant: VariantKind;
  /** Site the copy appears on (its boilerplate template). */
  readonly source: string;
  readonly text: string;
}
