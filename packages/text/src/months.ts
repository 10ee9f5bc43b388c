/**
 * Month names as news pages print them, by month number: the Egyptian and Gulf transliterations,
 * the Syriac names of the Levant and Iraq (with and without hamza and article), the Maghreb's own
 * forms, English and French; lower-case, inner spaces single. Date parsing reads them; the entity
 * tagger knows them for no names («فبراير (شباط)»).
 */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  // Egyptian/Gulf (transliterated) names
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'إبريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6,
  'يوليو': 7, 'يوليه': 7, 'أغسطس': 8, 'اغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  // Levantine/Iraqi (Syriac) names
  'كانون الثاني': 1, 'شباط': 2, 'آذار': 3, 'اذار': 3, 'نيسان': 4, 'أيار': 5, 'ايار': 5, 'حزيران': 6, 'تموز': 7,
  'آب': 8, 'اب': 8, 'أيلول': 9, 'ايلول': 9, 'تشرين الأول': 10, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12, 'كانون الاول': 12,
  'كانون ثاني': 1, 'تشرين أول': 10, 'تشرين اول': 10, 'تشرين ثاني': 11, 'كانون أول': 12, 'كانون اول': 12,
  // Maghrebi (Algeria/Tunisia, and Morocco's own forms)
  'جانفي': 1, 'فيفري': 2, 'أفريل': 4, 'افريل': 4, 'ماي': 5, 'جوان': 6, 'جويلية': 7, 'أوت': 8, 'اوت': 8,
  'يوليوز': 7, 'غشت': 8, 'شتنبر': 9, 'نونبر': 11, 'دجنبر': 12,
  // English and French
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  janvier: 1, 'février': 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, 'août': 8, aout: 8, septembre: 9,
  octobre: 10, novembre: 11, 'décembre': 12, decembre: 12,
};
