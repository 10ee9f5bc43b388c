import type { EntityInfo } from './build-entities.ts';
import type { PersonSpan } from './link-surnames.ts';
import { joinable } from './matcher.ts';
import type { NamedOrg } from './short-forms.ts';
import type { Token } from './tokenize.ts';
import type { EntityType, KbEntry, Mention } from './types.ts';

/** A mention to record: tokens first..last, the UTF-16 range of its text, and its id. */
export interface NewMention {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly entityId: string;
}

/**
 * One article being tagged: its tokens, the tokens that mentions have taken (`covered`), the
 * mentions, what is known of each entity, and the people and organisations later steps link
 * short forms to. Each tagging step reads it and adds to it.
 */
export class Draft {
  readonly covered = new Set<number>();
  readonly mentions: Mention[] = [];
  readonly info = new Map<string, EntityInfo>();
  /** Person mentions whose surnames (and English given names) may name them later. */
  readonly people: PersonSpan[] = [];
  /** Organisation mentions whose short forms may name them later ("Rio" after "Rio Tinto"). */
  readonly orgSpans: NamedOrg[] = [];
  /** Mentions a described place may absorb ("رفح" in "معبر رفح"): places, model names, titled names. */
  readonly soft = new Set<Mention>();
  /**
   * One-word mentions of ordinary gazetteer places (not countries, not KB entries) by token: a
   * person's name or surname may take the word back ("Noda", a town, in "Yoshihiko Noda").
   */
  readonly weakPlaces = new Map<number, Mention>();
  /** The tokens each mention covers (first..last), as recorded when it was added. */
  readonly spans = new Map<Mention, { readonly first: number; readonly last: number }>();
  readonly join: (a: Token, b: Token) => boolean;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly arabic: boolean;

  constructor(text: string, tokens: readonly Token[], arabic: boolean) {
    this.text = text;
    this.tokens = tokens;
    this.arabic = arabic;
    this.join = (a, b) => joinable(text, a, b);
  }

  /** Whether no token of first..last is taken. */
  isFree(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) if (this.covered.has(k)) return false;
    return true;
  }

  cover(first: number, last: number): void {
    for (let k = first; k <= last; k++) this.covered.add(k);
  }

  /**
   * Records a mention. `cover` takes its tokens (default), `soft` lets a described place absorb
   * it, `entry` is the KB entry it links to (its name becomes the entity's); an unlinked id is
   * recorded as such unless something already said more about it.
   */
  add(m: NewMention, options: { readonly cover?: boolean; readonly soft?: boolean; readonly entry?: KbEntry; readonly info?: boolean } = {}): Mention {
    if (options.cover !== false) this.cover(m.first, m.last);
    const mention: Mention = { start: m.start, end: m.end, type: m.type, text: this.text.slice(m.start, m.end), entityId: m.entityId };
    this.mentions.push(mention);
    this.spans.set(mention, { first: m.first, last: m.last });
    if (options.soft === true) this.soft.add(mention);
    if (options.entry) this.link(options.entry);
    else if (options.info !== false && !this.info.has(m.entityId)) this.info.set(m.entityId, { linked: false, type: m.type, name: null });
    return mention;
  }

  /** Withdraws the weak place mention on token `k`, if any, and frees the token. */
  dropWeakPlace(k: number): void {
    const mention = this.weakPlaces.get(k);
    if (!mention) return;
    this.weakPlaces.delete(k);
    this.covered.delete(k);
    this.remove(mention);
  }

  /** Withdraws a mention (its tokens stay covered unless the caller frees them). */
  remove(mention: Mention): void {
    this.soft.delete(mention);
    this.spans.delete(mention);
    const i = this.mentions.indexOf(mention);
    if (i >= 0) this.mentions.splice(i, 1);
  }

  /** Records that the entity is the KB entry's, under its name in the article's language. */
  link(entry: KbEntry): void {
    this.info.set(entry.id, { linked: true, type: entry.type, name: this.arabic ? entry.ar : entry.en });
  }

  /** Records an unlinked id a rule gave a mention, unless the id is already known (a KB or earlier id keeps its record). */
  noteUnlinked(id: string | null, type: EntityType): void {
    if (id && !this.info.has(id)) this.info.set(id, { linked: false, type, name: null });
  }
}
