import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clinical specialties with stable lowercase codes and their SNOMED CT "clinical specialty" qualifier values. */
const SPECIALTIES: ReadonlyArray<readonly [code: string, name: string, snomedCode: string]> = [
  ['allergy-immunology', 'Allergy and clinical immunology', '394805004'],
  ['anesthesiology', 'Anesthesiology', '394577000'],
  ['cardiac-surgery', 'Cardiac surgery', '408466002'],
  ['cardiology', 'Cardiology', '394579002'],
  ['clinical-genetics', 'Clinical genetics', '394580004'],
  ['clinical-pharmacology', 'Clinical pharmacology', '394600006'],
  ['critical-care', 'Critical care medicine', '408478003'],
  ['dermatology', 'Dermatology', '394582007'],
  ['emergency-medicine', 'Emergency medicine', '773568002'],
  ['endocrinology', 'Endocrinology', '394583002'],
  ['family-medicine', 'Family medicine', '394814009'],
  ['gastroenterology', 'Gastroenterology', '394584008'],
  ['general-surgery', 'General surgery', '394609007'],
  ['geriatrics', 'Geriatric medicine', '394811001'],
  ['gynecology-obstetrics', 'Gynecology and obstetrics', '394586005'],
  ['hematology', 'Hematology', '394803006'],
  ['infectious-disease', 'Infectious diseases', '394807007'],
  ['internal-medicine', 'Internal medicine', '419192003'],
  ['nephrology', 'Nephrology', '394589003'],
  ['neurology', 'Neurology', '394591006'],
  ['neurosurgery', 'Neurosurgery', '394610002'],
  ['nuclear-medicine', 'Nuclear medicine', '394649004'],
  ['occupational-medicine', 'Occupational medicine', '394821009'],
  ['oncology', 'Oncology', '394592004'],
  ['ophthalmology', 'Ophthalmology', '394594003'],
  ['orthopedics', 'Trauma and orthopedics', '394801008'],
  ['otolaryngology', 'Otolaryngology (ENT)', '418960008'],
  ['palliative-care', 'Palliative medicine', '394806003'],
  ['pathology', 'Pathology', '394595002'],
  ['pediatrics', 'Pediatrics', '394537008'],
  ['physical-medicine-rehabilitation', 'Physical medicine and rehabilitation', '394602003'],
  ['plastic-surgery', 'Plastic surgery', '394611003'],
  ['preventive-medicine', 'Preventive medicine and public health', '409968004'],
  ['psychiatry', 'Psychiatry', '394587001'],
  ['pulmonology', 'Pulmonary medicine', '418112009'],
  ['radiation-oncology', 'Radiation oncology', '419815003'],
  ['radiology', 'Radiology', '394914008'],
  ['rheumatology', 'Rheumatology', '394810000'],
  ['thoracic-surgery', 'Thoracic surgery', '408456005'],
  ['transplant-surgery', 'Transplant surgery', '408477008'],
  ['tropical-medicine', 'Tropical and travel medicine', '408448007'],
  ['urology', 'Urology', '394612005'],
  ['vascular-medicine', 'Vascular medicine', '722414000'],
];

export class CreateSpecialties1764160000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE specialties (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z-]*[a-z]$'),
        name text NOT NULL,
        snomed_code text CHECK (snomed_code ~ '^[0-9]{6,18}$')
      )`);
    for (const [code, name, snomedCode] of SPECIALTIES) {
      await queryRunner.query('INSERT INTO specialties (code, name, snomed_code) VALUES ($1, $2, $3)', [
        code,
        name,
        snomedCode,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE specialties');
  }
}
