/**
 * The syntax of KB aliases (see README, "kb.tsv"): a leading `~` marks a model-confirmed form,
 * matched only where the statistical model found a name of the entry's type; cue words after `@`
 * («~الأهلي@جدة روشن») limit it to articles holding one of them.
 */

/** Marks an alias matched only where the model found a name of the entry's type. */
export const CONFIRMED_ALIAS = '~';
/** Opens the cue words of a model-confirmed alias. */
export const CUES = '@';

/** A model-confirmed alias's form and its cue words (null: none), without the leading `~`. */
export function splitCues(alias: string): { form: string; cues: string | null } {
  const at = alias.indexOf(CUES);
  return at < 0 ? { form: alias.trim(), cues: null } : { form: alias.slice(0, at).trim(), cues: alias.slice(at + CUES.length).trim() };
}
