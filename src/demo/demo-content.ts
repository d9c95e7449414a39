import { CaseUrgency } from '../cases/case.enums.js';
import { ForumVisibility } from '../forums/forum.model.js';

/** Demo forums and PHI-free cases for a fresh local install (SEED_DEMO). */
export const DEMO_FORUMS = [
  {
    slug: 'open-consults',
    name: 'Open consults',
    description: 'Cases anyone may read; verified clinicians post and answer.',
    visibility: ForumVisibility.OPEN,
  },
  {
    slug: 'verified-lounge',
    name: 'Verified lounge',
    description: 'Cases for verified clinicians only.',
    visibility: ForumVisibility.PRIVATE,
  },
] as const;

export const DEMO_CASES = [
  {
    forum: 'open-consults',
    authorEmail: 'demo.family@curbside.test',
    title: 'Annular rash after a hike, no tick seen',
    body:
      'A 34-year-old man presents with an expanding annular erythematous rash on the thigh, about 12 cm, ' +
      'appearing 9 days after hiking in a wooded area. Mild fatigue and arthralgia, afebrile. No tick bite noticed. ' +
      'Would you treat empirically for Lyme disease with doxycycline 100 mg BID, or wait for serology?',
    urgency: CaseUrgency.ROUTINE,
    specialtyCodes: ['infectious-disease', 'dermatology'],
    tags: ['rash', 'lyme'],
  },
  {
    forum: 'open-consults',
    authorEmail: 'demo.family@curbside.test',
    title: 'New murmur and syncope in an older adult',
    body:
      'A 78-year-old woman had two episodes of exertional syncope this month. Harsh 3/6 crescendo-decrescendo ' +
      'systolic murmur at the right upper sternal border radiating to the carotids. BP 118/76, ECG shows LVH. ' +
      'Echo is three weeks out here. How urgently should she be seen, and what should she avoid meanwhile?',
    urgency: CaseUrgency.URGENT,
    specialtyCodes: ['cardiology'],
    tags: ['syncope', 'murmur'],
  },
  {
    forum: 'verified-lounge',
    authorEmail: 'demo.cardiology@curbside.test',
    title: 'Unilateral facial weakness sparing the forehead?',
    body:
      'A 51-year-old man with sudden right facial droop. He can wrinkle his forehead on both sides. ' +
      'No limb weakness, speech normal, glucose 6.2 mmol/L. Is this Bell palsy or should I treat it as a stroke ' +
      'until proven otherwise? Nearest CT is two hours away.',
    urgency: CaseUrgency.URGENT,
    specialtyCodes: ['neurology', 'emergency-medicine'],
    tags: ['facial-weakness'],
  },
] as const;
