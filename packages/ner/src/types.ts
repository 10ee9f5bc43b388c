export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  entityId: string | null;
}

export interface Entity {
  /** Knowledge-base id when linked, else `<type>:<normalised surface>`. */
  id: string;
  linked: boolean;
  type: EntityType;
  /** Canonical display name in the text's language. */
  name: string;
  /** Surface forms seen in the text. */
  names: string[];
  count: number;
  firstOffset: number;
  /** 0..1: earlier, more frequent and in the first paragraph score higher. */
  salience: number;
}

export interface TagResult {
  entities: Entity[];
  mentions: Mention[];
}

export interface JsonlInput {
  id: string;
  text: string;
  lang: string;
}

export interface JsonlOutput {
  id: string;
  entities: Mention[];
}

export interface TaggerOptions {
  /** Knowledge base TSV (default: packages/ner/data/kb.tsv). */
  kbPath?: string;
  /** Compiled places TSV (default: packages/ner/data/places.tsv). */
  gazetteerPath?: string;
  /** Person-name tokens TSV for the title rules (default: packages/ner/data/person-name-tokens.tsv). */
  nameTokensPath?: string;
  /** Folder holding ner-ar.model.gz and ner-en.model.gz (default: packages/ner/data). */
  modelDir?: string;
  /** false: KB, gazetteer and title rules only, no statistical model (default true). */
  statistical?: boolean;
  /**
   * Whose annotation the statistical model follows where its training data disagree: `news`
   * (default), the article sets' (Khabar's conventions), or `corpus`, the CoNLL corpora's
   * (ANERcorp, UNER), for measuring the tagger against them; on Arabic corpus text a place,
   * organisation or MISC name the model finds also replaces the rules' mentions it overlaps
   * (`src/corpus-conventions.ts`). `auto` reads each text as corpus text when it is shaped like
   * one (its sentence stops stand apart from the words: `looksTokenized`), else as news. Models
   * trained without domain features read both alike.
   */
  modelDomain?: 'news' | 'corpus' | 'auto';
}

export interface Tagger {
  tag(text: string, lang: string): TagResult;
  tagJsonl(input: JsonlInput): JsonlOutput;
}

/** One record of the knowledge base or the compiled gazetteer. */
export interface KbEntry {
  readonly id: string;
  readonly type: EntityType;
  readonly en: string;
  readonly ar: string;
  /** All written forms to match, both scripts, including en and ar. */
  readonly aliases: readonly string[];
  /**
   * Curated (KB) or a country: may be matched behind any proclitic. Other gazetteer places
   * only behind و/ف/ب/ل and with a stem of four letters or more ("ورقة" is not الرقة).
   */
  readonly strong: boolean;
  /** A gazetteer place's kind (places.tsv); none for a KB entry. */
  readonly kind?: 'country' | 'region' | 'city';
}
