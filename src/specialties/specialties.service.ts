import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { SpecialtyEntity } from './specialty.entity.js';
import { Specialty } from './specialty.model.js';

function toModel(entity: SpecialtyEntity): Specialty {
  return { code: entity.code, name: entity.name, snomedCode: entity.snomedCode };
}

/** How long the catalogue is trusted before it is read again (it changes only with a migration). */
export const CATALOGUE_TTL_MS = 60_000;

interface Catalogue {
  readAt: number;
  byName: Specialty[];
  byCode: Map<string, Specialty>;
}

/**
 * The specialty catalogue: reference data written only by migrations, so it is read once and held in
 * memory (re-read after CATALOGUE_TTL_MS), which takes a statement off every post and edit that names
 * specialties (bench/README.md, decision 13).
 */
@Injectable()
export class SpecialtiesService {
  private catalogue: Promise<Catalogue> | null = null;

  constructor(@InjectRepository(SpecialtyEntity) private readonly specialties: Repository<SpecialtyEntity>) {}

  private async current(): Promise<Catalogue> {
    const held = this.catalogue && (await this.catalogue.catch(() => null));
    if (held && Date.now() - held.readAt < CATALOGUE_TTL_MS) return held;
    const reading = this.specialties.find({ order: { name: 'ASC' } }).then((rows) => {
      const byName = rows.map(toModel);
      return { readAt: Date.now(), byName, byCode: new Map(byName.map((s) => [s.code, s])) };
    });
    this.catalogue = reading;
    return reading;
  }

  async listAll(): Promise<Specialty[]> {
    return [...(await this.current()).byName];
  }

  /** The specialties with these codes, in the order given; unknown codes are skipped. */
  async findByCodes(codes: readonly string[]): Promise<Specialty[]> {
    if (codes.length === 0) return [];
    const { byCode } = await this.current();
    return codes.flatMap((code) => byCode.get(code) ?? []);
  }

  /** Normalises and checks codes; names the input field when one does not exist. */
  async assertCodesExist(codes: readonly string[], field: string): Promise<string[]> {
    const unique = [...new Set(codes.map((c) => c.trim().toLowerCase()))];
    const found = await this.findByCodes(unique);
    if (found.length !== unique.length) {
      throw DomainError.badInput(field, 'Unknown specialty code; see the specialties query for valid codes');
    }
    return unique;
  }
}
