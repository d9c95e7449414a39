/** Demo specialists for a fresh local install (SEED_DEMO). Fictional people; the password is documented in the README. */
export const DEMO_PASSWORD = 'curbside-demo-clinician';

export const DEMO_CLINICIANS = [
  {
    email: 'demo.cardiology@curbside.test',
    displayName: 'Dr. Demo Cardiologist',
    jurisdiction: 'CA-ON',
    specialtyCodes: ['cardiology'],
  },
  {
    email: 'demo.dermatology@curbside.test',
    displayName: 'Dr. Demo Dermatologist',
    jurisdiction: 'CA-BC',
    specialtyCodes: ['dermatology'],
  },
  {
    email: 'demo.id@curbside.test',
    displayName: 'Dr. Demo Infectious Disease',
    jurisdiction: 'US-NY',
    specialtyCodes: ['infectious-disease', 'internal-medicine'],
  },
  {
    email: 'demo.neurology@curbside.test',
    displayName: 'Dr. Demo Neurologist',
    jurisdiction: 'US-MN',
    specialtyCodes: ['neurology'],
  },
  {
    email: 'demo.family@curbside.test',
    displayName: 'Dr. Demo Family Physician',
    jurisdiction: 'CA-SK',
    specialtyCodes: ['family-medicine'],
  },
] as const;
