import { normalizeArabic } from './arabic-normalize.ts';

/** `per:<normalised surface>` for names the KB does not know (`per:احمد حسن كاظم`, `org:energoatom`). */
export function unlinkedId(type: string, surface: string): string {
  const norm = normalizeArabic(surface).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${type.toLowerCase()}:${norm}`;
}
