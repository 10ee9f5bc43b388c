/**
 * Whether the line holding offset `at` is a headline in title case ("Earthquake Shakes Lima",
 * "Police Officer Shot Dead in Nairobi"): no lower-case word of four letters or more. In such a
 * line capitals say nothing about names, so shape rules stand back.
 */
export function inTitleCaseLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end);
  return !/(^|\s)\p{Ll}{4,}/u.test(line);
}
