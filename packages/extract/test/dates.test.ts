import { describe, expect, it } from 'vitest';
import { parseMachineDate, parseTextDate, parseUrlDate } from '../src/dates.ts';

const now = new Date('2024-05-06T15:00:00Z');

describe('parseMachineDate', () => {
  it('converts zoned ISO dates to UTC', () => {
    expect(parseMachineDate('2022-12-15T11:32:00+03:00')).toEqual({ iso: '2022-12-15T08:32:00.000Z', assumedUtc: false, hasTime: true, day: '2022-12-15' });
  });
  it('assumes UTC without a zone and says so', () => {
    expect(parseMachineDate('2022-12-15 11:32')).toEqual({ iso: '2022-12-15T11:32:00.000Z', assumedUtc: true, wallMs: Date.UTC(2022, 11, 15, 11, 32), hasTime: true, day: '2022-12-15' });
    expect(parseMachineDate('2022-12-15')).toMatchObject({ iso: '2022-12-15T00:00:00.000Z', assumedUtc: true, hasTime: false });
  });
  it('rejects garbage', () => {
    expect(parseMachineDate('not a date')).toBeNull();
    expect(parseMachineDate('')).toBeNull();
  });
});

describe('parseTextDate', () => {
  it('reads Egyptian month names with Arabic-Indic digits', () => {
    expect(parseTextDate('الثلاثاء ٢٣ يناير ٢٠٢٤ الساعة ٠٩:١٥ م', null)?.iso).toBe('2024-01-23T21:15:00.000Z');
  });
  it('reads Levantine month names incl. two-word ones', () => {
    expect(parseTextDate('17 آذار 2024', null)?.iso).toBe('2024-03-17T00:00:00.000Z');
    expect(parseTextDate('3 تشرين الثاني 2023 - 10:00', null)?.iso).toBe('2023-11-03T10:00:00.000Z');
    expect(parseTextDate('1 كانون الأول 2022', null)?.iso).toBe('2022-12-01T00:00:00.000Z');
    expect(parseTextDate('9 شباط 2021', null)?.iso).toBe('2021-02-09T00:00:00.000Z');
  });
  it('reads English dates with a zone', () => {
    expect(parseTextDate('November 2, 2023 2:05 PM UTC', null)?.iso).toBe('2023-11-02T14:05:00.000Z');
    expect(parseTextDate('2 Nov 2023 16:05 GMT+2', null)?.iso).toBe('2023-11-02T14:05:00.000Z');
  });
  it('reads relative dates against fetchedAt', () => {
    expect(parseTextDate('منذ ساعتين', now)?.iso).toBe('2024-05-06T13:00:00.000Z');
    expect(parseTextDate('منذ 3 ساعات', now)?.iso).toBe('2024-05-06T12:00:00.000Z');
    expect(parseTextDate('نشر منذ دقيقة', now)?.iso).toBe('2024-05-06T14:59:00.000Z');
    expect(parseTextDate('2 hours ago', now)?.iso).toBe('2024-05-06T13:00:00.000Z');
    expect(parseTextDate('منذ ساعتين', null)).toBeNull();
  });
  it('reads «صباحاً» before a written offset', () => {
    expect(parseTextDate('الأحد ١٠ شعبان ١٤٤٦ هـ - الموافق ٩ شباط (فبراير) ٢٠٢٥، الساعة ٠٩:٣٠ صباحاً (GMT+3)', null)?.iso).toBe('2025-02-09T06:30:00.000Z');
    expect(parseTextDate('٩ شباط ٢٠٢٥ الساعة ٠٨:١٥ مساءً', null)?.iso).toBe('2025-02-09T20:15:00.000Z');
  });
  it('reads numeric day/month/year', () => {
    expect(parseTextDate('نشر بتاريخ 05/04/2023', null)?.iso).toBe('2023-04-05T00:00:00.000Z');
  });
});

describe('parseUrlDate', () => {
  it('finds /yyyy/mm/dd/ and yyyymmdd', () => {
    expect(parseUrlDate('https://x.com/2024/05/17/story')?.iso).toBe('2024-05-17T00:00:00.000Z');
    expect(parseUrlDate('https://x.com/news/20240517/story.html')?.iso).toBe('2024-05-17T00:00:00.000Z');
    expect(parseUrlDate('https://x.com/news/123456')).toBeNull();
  });
});

describe('more date shapes', () => {
  it('applies Arabic named zones without DST', () => {
    expect(parseTextDate('آخر تحديث: الخميس 05/12/2024 - 05:20 م (بتوقيت مكة المكرمة)', null)).toEqual({ iso: '2024-12-05T14:20:00.000Z', assumedUtc: false, hasTime: true, day: '2024-12-05' });
  });
  it('reads day/month-name/year with slashes and dotted times before a zone', () => {
    expect(parseTextDate('الاثنين ٠٣/مارس/٢٠٢٥ - ١١:٣٠ ص', null)?.iso).toBe('2025-03-03T11:30:00.000Z');
    expect(parseTextDate('Fri 20 Dec 2024 17.30 GMT', null)?.iso).toBe('2024-12-20T17:30:00.000Z');
  });
});

describe('relative dates against fetchedAt', () => {
  it('reads «قبل» as well as «منذ», and short English units', () => {
    expect(parseTextDate('قبل 3 ساعات', now)?.iso).toBe('2024-05-06T12:00:00.000Z');
    expect(parseTextDate('نشر قبل ساعتين', now)?.iso).toBe('2024-05-06T13:00:00.000Z');
    expect(parseTextDate('Updated 45 mins ago', now)?.iso).toBe('2024-05-06T14:15:00.000Z');
    expect(parseTextDate('2 hrs ago', now)?.iso).toBe('2024-05-06T13:00:00.000Z');
    expect(parseTextDate('قبل 3 ساعات', null)).toBeNull();
    expect(parseTextDate('وقال الوزير إن الاتفاق سيوقع قبل يومين من موعد الانتخابات المقبلة', now)).toBeNull();
  });
});

describe('date shapes seen on more sites', () => {
  const iso = (s: string, now: Date | null = null): string | null => parseTextDate(s, now)?.iso ?? null;
  const now = new Date('2026-11-28T12:00:00Z');

  it('reads a GMT offset in brackets and US/European zone abbreviations', () => {
    expect(iso('الاثنين 15-1-2024 الساعة 14:20 (GMT+3)')).toBe('2024-01-15T11:20:00.000Z');
    expect(iso('السبت 8 فبراير 2025 - 13:05 (GMT+1)')).toBe('2025-02-08T12:05:00.000Z');
    expect(iso('Updated 2:14 PM EDT, May 7, 2025')).toBe('2025-05-07T18:14:00.000Z');
    expect(iso('Jan 7, 2025 9:00 am ET')).toBe('2025-01-07T14:00:00.000Z');
    expect(iso('Oct 28, 2024 1:30 AM JST')).toBe('2024-10-27T16:30:00.000Z');
    expect(iso('7 May 2025 14:14 CEST')).toBe('2025-05-07T12:14:00.000Z');
    expect(iso('17/05/2024 10h30 GMT+1')).toBe('2024-05-17T09:30:00.000Z');
    expect(iso('17 May 2024 at 10:30 UTC+3')).toBe('2024-05-17T07:30:00.000Z');
  });

  it('reads both month names side by side, ordinals and Moroccan month names', () => {
    expect(iso('17 أيار/مايو 2024 - 10:30 بتوقيت بيروت')).toBe('2024-05-17T07:30:00.000Z');
    expect(iso('١٧ أيار (مايو) ٢٠٢٤')).toBe('2024-05-17T00:00:00.000Z');
    expect(iso('17th May 2024')).toBe('2024-05-17T00:00:00.000Z');
    expect(iso('الخميس 5 دجنبر 2024')).toBe('2024-12-05T00:00:00.000Z');
    expect(iso('١٦ كانون ثاني ٢٠٢٥')).toBe('2025-01-16T00:00:00.000Z');
  });

  it('prefers an absolute date to a relative one in the same line, and ignores vague or long relative phrases', () => {
    expect(iso('منذ 40 دقيقة · 11 نوفمبر 2025 - 21:35 بتوقيت بغداد', now)).toBe('2025-11-11T18:35:00.000Z');
    expect(iso('منذ ساعتين', now)).toBe('2026-11-28T10:00:00.000Z');
    expect(iso('منذ 3 ساعات', now)).toBe('2026-11-28T09:00:00.000Z');
    expect(iso('منذ أسابيع', now)).toBeNull();
    expect(iso('وتستقبل المطارات رحلات الحجاج منذ ساعة واحدة فقط بحسب ما أعلنته هيئة الطيران المدني اليوم', now)).toBeNull();
  });

  it('finds dates in more URL shapes', () => {
    expect(parseUrlDate('https://e.com/a/story-2024-05-17.html')?.iso).toBe('2024-05-17T00:00:00.000Z');
    expect(parseUrlDate('https://e.com/a/20240517.html')?.iso).toBe('2024-05-17T00:00:00.000Z');
    expect(parseUrlDate('https://e.com/news/1203345')).toBeNull();
  });
});
