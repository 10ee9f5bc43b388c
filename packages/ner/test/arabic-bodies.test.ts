import { describe, expect, it } from 'vitest';
import { namedMentions } from './tagger-helpers.ts';

const rules = (text: string): string[] => namedMentions(text, 'ar', false);

describe('Arabic bodies named by an adjective and a complement with ل', () => {
  it('reads head, adjectives, complement, its adjectives and و-joined nouns as one organisation', () => {
    expect(rules('وقالت الهيئة العامة للطرق والنقل البري إن العمل بدأ.')).toEqual(['ORG الهيئة العامة للطرق والنقل البري org:الهييه العامه للطرق والنقل البري']);
    expect(rules('ودعا الاتحاد العام الليبي للشغل إلى إضراب.')).toEqual(['ORG الاتحاد العام الليبي للشغل org:الاتحاد العام الليبي للشغل']);
    // The KB's own name of such a body links to it.
    expect(rules('ودعا الاتحاد العام التونسي للشغل إلى إضراب.')).toEqual(['ORG الاتحاد العام التونسي للشغل org:ugtt']);
    // A plural nisba after the complement describes its people and stays in the name.
    expect(rules('ودعا الاتحاد العام للعمال الجزائريين إلى إضراب.')).toEqual(['ORG الاتحاد العام للعمال الجزائريين org:ugta']);
    // Another plural after the complement is the sentence's object.
    expect(rules('ودعا الاتحاد العام للشغل السياسيين إلى الحوار.')).toEqual(['ORG الاتحاد العام للشغل org:الاتحاد العام للشغل']);
    expect(rules('وأحالت الهيئة العامة لمكافحة الفساد الملف.')).toEqual(['ORG الهيئة العامة لمكافحة الفساد org:الهييه العامه لمكافحه الفساد']);
    expect(rules('واجتمع المجلس الأعلى للقوات المسلحة.')).toEqual(['ORG المجلس الأعلى للقوات المسلحة org:scaf']);
  });

  it('stops at the sentence going on: a bare definite noun, a day', () => {
    expect(rules('وأعلنت المفوضية العليا المستقلة للانتخابات النتائج.')).toEqual(['ORG المفوضية العليا المستقلة للانتخابات org:ihec']);
    expect(rules('وصادق المجلس الوطني للجهات والأقاليم الأحد على الميزانية.')).toEqual(['ORG المجلس الوطني للجهات والأقاليم org:tunisia-ncrd']);
  });

  it('is not a name without an adjective, with a body or place as complement, or after a KB name it merely extends', () => {
    expect(rules('وقالت الهيئة لمكافحة الفساد إن.')).toEqual([]);
    expect(rules('ووافق المجلس التنفيذي للصندوق على الشريحة.')).toEqual([]);
    expect(rules('وقال المجلس البلدي للمدينة إن.')).toEqual([]);
    expect(rules('وقدم البنك الدولي لدعم المرحلة الأولى قرضا.')).toEqual(['ORG البنك الدولي org:world-bank']);
    // A KB name inside a longer institution is still part of it.
    expect(rules('وفاز الحزب الديمقراطي الكردستاني.')).toEqual(['ORG الحزب الديمقراطي الكردستاني org:kdp']);
  });
});
