import { describe, expect, it } from '@jest/globals';
import { inferSpecialties, SPECIALTY_TERMS } from './specialty-inference.js';

describe('inferSpecialties', () => {
  it('picks the specialty whose terms the text mentions most', () => {
    expect(inferSpecialties('Exertional syncope with a harsh systolic murmur and LVH on ECG')[0]).toBe(
      'cardiology',
    );
    expect(inferSpecialties('New generalized seizure and a severe headache')[0]).toBe('neurology');
  });

  it('returns at most two, strongest first', () => {
    const codes = inferSpecialties(
      'Fever and an expanding rash after a tick bite; antibiotic choice? Pruritus too.',
    );
    expect(codes).toHaveLength(2);
    expect(codes).toEqual(expect.arrayContaining(['infectious-disease', 'dermatology']));
  });

  it('matches word starts only, not the middle of words', () => {
    expect(inferSpecialties('The patient was concerned about the trash collection')).not.toContain(
      'dermatology',
    );
  });

  it('returns nothing for text without clinical terms', () => {
    expect(inferSpecialties('Question about scheduling a follow-up visit')).toEqual([]);
  });

  it('only uses lowercase terms', () => {
    for (const terms of Object.values(SPECIALTY_TERMS))
      for (const term of terms) expect(term).toBe(term.toLowerCase());
  });
});
