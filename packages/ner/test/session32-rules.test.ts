import { describe, expect, it } from 'vitest';
import { namesOf } from './tagger-helpers.ts';

describe('Arabic names after the first run of blind40 (session 32)', () => {
  it('leaves «ب» out of a body opened by its head, and out of a place right after a name', () => {
    const college = 'وقالت الباحثة في علم الأحياء البحرية بكلية العلوم بتطوان إن الخطة جيدة.';
    expect(namesOf(college, 'ar', 'ORG')).toContain('كلية العلوم بتطوان');
    const ksour = 'ويشمل المشروع قصر أولاد سلطان وقصر الحدادة بغمراسن.';
    expect(namesOf(ksour, 'ar', 'LOC')).toContain('غمراسن');
    expect(namesOf(ksour, 'ar', 'LOC')).not.toContain('بغمراسن');
  });

  it('reads «بابها» as "its door", not Abha', () => {
    expect(namesOf('وقال إن القصر يحمل اسمه على بابها، وزار أبها أمس.', 'ar', 'LOC')).toEqual(['أبها']);
  });
});
