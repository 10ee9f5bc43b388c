import { createHash } from 'node:crypto';
import { indexJobSchema, type IndexJob } from '@khabar/contracts';
import type { DedupAssignment, RedisDedupIndex } from '@khabar/dedup';
import { toCluster } from '@khabar/dedup';

export const STORY = [
  'أعلنت الأمم المتحدة اليوم الاثنين دخول خمسين شاحنة مساعدات إلى قطاع غزة عبر معبر رفح، في أكبر قافلة منذ بداية الشهر الجاري.',
  'وقال المتحدث باسم مكتب تنسيق الشؤون الإنسانية إن الشاحنات تحمل أدوية وطحينا ومياه شرب، وستوزع على مراكز الإيواء في خان يونس ورفح.',
  'وأضاف أن المنظمة الدولية تطالب بفتح معابر إضافية لتسريع إدخال المساعدات، محذرا من أن الاحتياجات تفوق بكثير ما يدخل يوميا إلى القطاع.',
].join('\n\n');

/** The same story with a paragraph added: a near copy. */
export const STORY_NEAR = `${STORY}\n\nيذكر أن الأمم المتحدة كانت قد حذرت الأسبوع الماضي من نفاد مخزون الوقود في المستشفيات خلال أيام إذا لم تسمح السلطات بإدخاله.`;

/** A different story altogether. */
export const OTHER_STORY = [
  'The central bank kept its benchmark interest rate unchanged on Thursday, citing easing inflation and a cooling labour market.',
  'The governor told reporters that the committee would watch wage growth closely before deciding on any cut early next year.',
].join('\n\n');

export const idOf = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 32);

/** A document deduplicated by the real index: its id, url and the cluster the index gave it. */
export interface Member {
  readonly id: string;
  readonly url: string;
  readonly text: string;
  readonly cluster: DedupAssignment;
}

export async function dedup(index: RedisDedupIndex, url: string, text: string): Promise<Member> {
  const id = idOf(url);
  const cluster = await index.assign({ id, text, source: new URL(url).hostname });
  return { id, url, text, cluster };
}

/** A valid index-stage payload for a member (parsed through the real schema). */
export function indexJobOf(member: Member, cluster: DedupAssignment = member.cluster): IndexJob {
  const { id, url, text } = member;
  const paragraphs = text.split('\n\n');
  return indexJobSchema.parse({
    v: 1,
    id,
    url,
    submittedUrl: url,
    submittedAt: '2026-11-28T10:00:00Z',
    submission: { source: 'rss' },
    fetch: { finalUrl: url, status: 200, contentType: 'text/html', headerCharset: null, bytes: 1000, fetchedAt: '2026-11-28T10:00:01Z', redirects: 0, archiveKey: `raw/${id}` },
    article: { title: 'مساعدات إلى غزة', text, paragraphs, publishedAt: '2026-11-28T09:00:00Z', lang: 'ar', dir: 'rtl', canonicalUrl: url },
    parsedAt: '2026-11-28T10:00:02Z',
    parserVersion: 'test',
    cluster: toCluster(cluster),
    entities: { entities: [], mentions: [] },
  });
}
