import { describe, expect, it } from 'vitest';
import {
  isClockLine,
  isDateLine,
  isEditionNote,
  isMenuLine,
  isPlainReadAlsoLine,
  isRelativeTimeLine,
  isSymbolOnly,
  looksLikePhotoCaption,
  repeatsNewsletterTitle,
} from '../src/block-rules.ts';
import { classifyWriterLine, cleanAttribution, isAgencyName, isAttribution, isAttributionLine, isBracketCredit } from '../src/credit-lines.ts';

// Lines marked with a page id are copied from packages/fixture-site (split/site/page); the others
// are the near-misses each rule was written to leave alone.

describe('isEditionNote', () => {
  it.each([
    'A version of this article appears in print on December 5, 2024, Section A, Page 1.',
    'This article was amended on 6 December 2024 to correct the spelling of a name.',
    'Correction: an earlier version gave the wrong date.',
    'Photograph: Chronicle picture desk', // chronicle-broadsheet/barnier-no-confidence
    'Image: Shutterstock', // gulf-capital-review/gulf-banks-sukuk-record-quarter
    'Picture: Tay Valley Herald archive', // tay-valley-herald/arbroath-lifeboat-rescue-kayakers
    'الصورة: أرشيفية',
    'Follow Jane Roe on X @janeroe',
    'Contact Carla Jennings at cjennings@eastfieldgazette.example or 555-867-0150.', // eastfield-gazette/school-board-later-start-times
    'للتواصل مع التحرير: redaction@ribat.example.mr', // ribat-nouakchott/chinguetti-manuscripts
  ])('is a note about the story: %s', (line) => {
    expect(isEditionNote(line)).toBe(true);
  });

  it.each([
    'The photograph, taken in 1922, shows the tomb before it was opened.',
    'Image rights are a growing issue for newspapers, the minister said.',
    'Contact with the crew was lost at 3am, the coastguard said.',
    'وقال المتحدث إن الصورة لا تعكس الوضع الحقيقي في المدينة.',
    'Follow the money, the auditors told the council on Thursday, and the answer is in the accounts.',
  ])('leaves story text alone: %s', (line) => {
    expect(isEditionNote(line)).toBe(false);
  });
});

describe('isMenuLine', () => {
  it.each([
    'الصفحة الرئيسية | محليات | عربي ودولي | اقتصاد | رياضة | الأرشيف', // alrai-legacy/oman-heavy-rains
    'الرئيسية | أخبار محلية | عربي ودولي | اقتصاد | رياضة | مقالات الرأي | الأرشيف | اتصل بنا', // watan-archive/opec-plus-delay
    'من نحن | اتصل بنا | سياسة الخصوصية | أعلن معنا', // sada-khaleej/saudi-budget-2025
    'Home • World • Business • Sport',
  ])('is a menu written as text: %s', (line) => {
    expect(isMenuLine(line)).toBe(true);
  });

  it.each([
    'الرئيسية | محليات | اقتصاد', // three items only
    'Home | World | Business news from the region today | Sport', // an item of more than three words
    'Oil | up 2%, gold | down | steady.', // punctuation inside items
    `${'الرئيسية | '.repeat(25)}اقتصاد`, // over 200 chars
  ])('is not a menu: %s', (line) => {
    expect(isMenuLine(line)).toBe(false);
  });
});

describe('isSymbolOnly', () => {
  it.each(['___', '* * *', '|', '#', '—'])('has no letters or digits: %s', (line) => {
    expect(isSymbolOnly(line)).toBe(true);
  });
  it.each(['1', 'A', '#مصر', '١٢'])('has a letter or digit: %s', (line) => {
    expect(isSymbolOnly(line)).toBe(false);
  });
});

describe('isPlainReadAlsoLine', () => {
  it.each([
    'اقرأ أيضًا: أسعار الفضة اليوم في مصر', // bawaba/gold-prices-egypt
    'اقرأ أيضا: وزير المياه: الموسم المطري الحالي أقل من المعدل حتى الآن', // diwan-daily/amman-water-network
    'إقرأ أيضاً:', // rt-arabic/peskov-baku-yerevan
    'Lire aussi : Le port de Nouadhibou agrandi',
    'Read also: Council votes on the new budget',
  ])('plugs another story: %s', (line) => {
    expect(isPlainReadAlsoLine(line)).toBe(true);
  });

  it.each([
    'اقرأ أيضا تقرير الوزارة الذي نشر أمس عن المياه', // no colon after the label
    'Read also the full report, which the ministry published on Monday: it runs to 40 pages.', // colon too far from the start
    'قال الوزير: اقرأ أيضا التقرير', // label not at the start
    `اقرأ أيضا: ${'خبر طويل جدا '.repeat(20)}`, // 200 chars or more
  ])('is not a read-also plug: %s', (line) => {
    expect(isPlainReadAlsoLine(line)).toBe(false);
  });
});

describe('looksLikePhotoCaption', () => {
  it.each(['الرئيس خلال افتتاح المتحف المصري الكبير', 'Rescuers at Arbroath harbour on Sunday'])('reads like a caption: %s', (line) => {
    expect(looksLikePhotoCaption(line)).toBe(true);
  });
  it.each([
    'Rescuers reached the kayakers at Arbroath harbour on Sunday.', // ends like a sentence
    'وقال: «سنواصل العمل»', // ends with a quote
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone',
  ])('does not: %s', (line) => {
    expect(looksLikePhotoCaption(line)).toBe(false);
  });
});

describe('repeatsNewsletterTitle', () => {
  it('a newsletter box title named again by its pitch', () => {
    expect(repeatsNewsletterTitle('The Dispatch Daily', 'Sign up for The Dispatch Daily and get the news every morning')).toBe(true);
  });
  it('not a sentence, and not a title the pitch does not name', () => {
    expect(repeatsNewsletterTitle('The Dispatch Daily.', 'Sign up for The Dispatch Daily. and get the news')).toBe(false);
    expect(repeatsNewsletterTitle('The Evening Brief', 'Sign up for The Dispatch Daily and get the news every morning')).toBe(false);
  });
});

describe('isClockLine / isRelativeTimeLine', () => {
  it.each([
    '15:10 GMT', // ledger/uk-budget-2024-live
    '12:34 Reeves begins statement', // ledger/uk-budget-2024-live
    '١٨:٠٥', // sham-microdata/south-lebanon-ceasefire-live
    '11.05 GMT Rob Whitfield',
    '9.30am',
  ])('a live-blog clock stamp: %s', (line) => {
    expect(isClockLine(line)).toBe(true);
  });
  it.each([
    '3.50 million', // a dotted number is a clock only with a zone or am/pm
    '11.05 GMTX',
    '12:34 Reeves begins his budget statement to MPs', // 30 chars or more
    'The meeting began at 10:32 GMT',
  ])('not a clock stamp: %s', (line) => {
    expect(isClockLine(line)).toBe(false);
  });

  it.each(['منذ ساعتين', 'منذ ٤٥ دقيقة', 'منذ ١ ساعات', '2h ago', '5 minutes ago', 'an hour ago', 'just now'])('a relative stamp: %s', (line) => {
    expect(isRelativeTimeLine(line)).toBe(true);
  });
  it.each(['منذ اكتشاف المقبرة عام 1922', 'Two years ago the council voted', 'the vote 2 hours ago'])('not a relative stamp: %s', (line) => {
    expect(isRelativeTimeLine(line)).toBe(false);
  });
});

describe('isDateLine', () => {
  it.each([
    'December 5, 2024 3:02 PM UTC', // globalwire/oil-rises-opec-delay
    'December 20, 2024 4:48 PM UTC Updated 2 hours ago', // globalwire/nato-allies-defence-spending
    'Fri 20 Dec 2024 17.30 GMT', // ledger/nato-spending-copy
    'الخميس ٠٥/ديسمبر/٢٠٢٤ - ٠٥:٤٥ م', // bawaba/opec-plus-copy
    'آخر تحديث: الخميس 05/12/2024 - 05:20 م (بتوقيت مكة المكرمة)', // watan-archive/opec-plus-delay
    'الثلاثاء 23 يناير 2024',
    'Published: 22:41, 6 December 2024 | Updated: 08:03, 7 December 2024',
    'نُشر: 17 مايو 2024 · حُدّث: منذ ٣٠ دقيقة',
    'Published 11:30 a.m. CT Jan. 9, 2025 | Updated 1:05 p.m. CT Jan. 9, 2025',
    '10 شوال 1445 هـ الموافق 19 أبريل 2024',
  ])('a dateline: %s', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each([
    'On 5 May 2024 the council voted.',
    'كما تقرر تأجيل زيادة حصة الامارات العربية المتحدة البالغة 300 ألف برميل يوميا إلى أبريل أيضا، على أن تطبق على مراحل حتى سبتمبر 2026.', // bawaba/opec-plus-copy
    'LONDON, Dec 5 (Global Wire) - Oil prices edged higher on Thursday after OPEC+ agreed to delay the start of oil output increases by three months.', // globalwire/oil-rises-opec-delay
    'Published: 22:41, 6 December 2024 | The council voted to close the library.',
    'Updated regularly',
  ])('not a dateline: %s', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('isAgencyName', () => {
  it.each(['AAP', 'سانا', 'رويترز', 'وكالات', 'Reuters', 'Associated Press', 'PA'])('an agency alone: %s', (line) => {
    expect(isAgencyName(line)).toBe(true);
  });
  it.each(['Spa', 'pa', 'Reuters reported', 'وكالة الأنباء السورية الرسمية', 'Ap'])('not an agency alone: %s', (line) => {
    expect(isAgencyName(line)).toBe(false);
  });
});

describe('isBracketCredit', () => {
  it.each([
    '(تهامة نت - سبأ)', // tihama-agency/hadramout-honey-festival
    '(سانا)', // qasioun-news/latakia-olive-harvest
    '[AP/Reuters]',
  ])('a bracketed credit: %s', (line) => {
    expect(isBracketCredit(line)).toBe(true);
  });
  it.each([
    '(وقد نفت الوزارة هذه الأنباء)', // no dash or slash, not an agency
    '(وقد نفت الوزارة - في بيان - هذه الأنباء بشكل قاطع)', // more than five words
    '(Reuters said the talks failed.)', // sentence punctuation
    'تهامة نت - سبأ', // not bracketed
  ])('not a bracketed credit: %s', (line) => {
    expect(isBracketCredit(line)).toBe(false);
  });
});

describe('isAttribution / isAttributionLine', () => {
  it.each([
    'المصدر: نوفوستي', // rt-arabic/peskov-baku-yerevan
    'المصدر: شفق نيوز · منذ 40 دقيقة · 11 نوفمبر 2025 - 21:35 بتوقيت بغداد', // nabd-aggregator/iraq-election-turnout
    'Reporting by Ahmed Rashid in London; Additional reporting by Nadia Karim in Dubai; Editing by Susan Fenton', // globalwire/oil-rises-opec-delay
    'Plains Public Radio contributed to this report.',
    'ساهم في إعداد هذا التقرير مراسلنا في الخرطوم.',
    'وساهمت في إعداد الخبر سارة أحمد',
    'Sources: Reuters, AFP',
    'Source: Ministry of Health',
    'AAP', // bayside-broadcast/great-barrier-reef-survey
    '(سانا)',
  ])('a credit line: %s', (line) => {
    expect(isAttribution(line)).toBe(true);
  });
  it.each([
    'وقال المصدر إن المفاوضات ستستأنف الأسبوع المقبل.',
    'Sourced from local farms, the honey won a national prize.',
    'ومصادر مطلعة قالت إن الاتفاق لم يكتمل بعد.',
    'The minister contributed to the fund last year.',
    'Sources close to the talks said no deal was near.',
    'Source code for the app was published on Monday.',
    'Spa',
  ])('not a credit line: %s', (line) => {
    expect(isAttribution(line)).toBe(false);
  });

  it('a heading is a credit only when it opens with a credit label', () => {
    expect(isAttributionLine('المصدر: نوفوستي', true)).toBe(true);
    expect(isAttributionLine('AAP', true)).toBe(false);
    expect(isAttributionLine('AAP', false)).toBe(true);
    expect(isAttributionLine(`Source: ${'a long line '.repeat(30)}`, false)).toBe(false);
  });
});

describe('classifyWriterLine', () => {
  it.each([
    'كتب: خالد الشمري', // sada-khaleej/gulf-cup-final-bahrain
    'By Ahmed Rashid', // globalwire/oil-rises-opec-delay
    'By KEN MORIYAMA and ALICE TRENT', // pressline-wire/japan-election-ishiba-majority
    'By Jack Harris, Weather Reporter', // daily-flash/storm-darragh-red-warning
    'إعداد: سارة أحمد',
    'كتب - محمد علي',
  ])('a byline: %s', (line) => {
    expect(classifyWriterLine(line, true)).toBe('byline');
  });

  it.each([
    'إعداد: قسم الاقتصاد', // sahil-emarat/taweelah-desalination
    'إعداد: Rédaction Hoggar', // hoggar-info/constantine-malouf-festival
  ])('a desk credit: %s', (line) => {
    expect(classifyWriterLine(line, false)).toBe('desk');
  });

  it('«تحرير: …» names writers only before the story starts', () => {
    expect(classifyWriterLine('تحرير: أحمد علي و محمد حسن', false)).toBe('byline');
    expect(classifyWriterLine('تحرير: أحمد علي و محمد حسن', true)).toBe(null);
  });

  it.each([
    'كتب الرئيس على تويتر أن المفاوضات ستستأنف', // a sentence, not a name
    'By the end of the year the council had voted twice.',
    'Bylines are changing in newsrooms',
    `By Jane Roe ${'and more words '.repeat(6)}`, // 80 chars or more
  ])('neither: %s', (line) => {
    expect(classifyWriterLine(line, true)).toBe(null);
  });
});

describe('cleanAttribution', () => {
  it.each([
    ['المصدر: نوفوستي', 'نوفوستي'], // rt-arabic/peskov-baku-yerevan
    ['المصدر: شفق نيوز · منذ 40 دقيقة · 11 نوفمبر 2025 - 21:35 بتوقيت بغداد', 'شفق نيوز'], // nabd-aggregator/iraq-election-turnout
    ['المصدر: وكالة الأنباء الأردنية (بترا) · 2025/02/27 - 19:05', 'وكالة الأنباء الأردنية (بترا)'], // nabd-aggregator/jordan-fuel-prices-march
    ['(تهامة نت - سبأ)', 'تهامة نت - سبأ'], // tihama-agency/hadramout-honey-festival
    ['Plains Public Radio contributed to this report.', 'Plains Public Radio'],
    ['Economics Writer Ellen Park contributed to this report.', 'Economics Writer Ellen Park contributed to this report.'],
    ['Reporting by Ahmed Rashid in London; Editing by Susan Fenton', 'Reporting by Ahmed Rashid in London; Editing by Susan Fenton'],
  ])('%s → %s', (line, want) => {
    expect(cleanAttribution(line)).toBe(want);
  });
});
