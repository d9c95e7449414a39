import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { SpecialtyEntity } from './specialty.entity.js';
import { Specialty } from './specialty.model.js';

function toModel(entity: SpecialtyEntity): Specialty {
  return { code: entity.code, name: entity.name, snomedCode: entity.snomedCode };
}

@Injectable()
export class SpecialtiesService {
  constructor(@InjectRepository(SpecialtyEntity) private readonly specialties: Repository<SpecialtyEntity>) {}

  async listAll(): Promise<Specialty[]> {
    return (await this.specialties.find({ order: { name: 'ASC' } })).map(toModel);
  }

  /** The specialties with these codes, in the order given; unknown codes are skipped. */
  async findByCodes(codes: readonly string[]): Promise<Specialty[]> {
    if (codes.length === 0) return [];
    const found = new Map(
      (await this.specialties.findBy({ code: In([...codes]) })).map((s) => [s.code, toModel(s)]),
    );
    return codes.flatMap((code) => found.get(code) ?? []);
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
