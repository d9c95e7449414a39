import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '../../common/text-limits.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normaliseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)))]
    : value;

export const IsCaseTitle = () =>
  applyDecorators(Transform(trim), IsString(), Length(3, TEXT_LIMITS.caseTitle));
export const IsCaseBody = () =>
  applyDecorators(Transform(trim), IsString(), Length(10, TEXT_LIMITS.caseBody));
export const IsTagList = () =>
  applyDecorators(
    Transform(normaliseTags),
    ArrayMaxSize(TEXT_LIMITS.tagsPerCase),
    Matches(/^[a-z0-9][a-z0-9-]*$/, {
      each: true,
      message: 'each tag must be lowercase letters, digits and hyphens',
    }),
    MaxLength(TEXT_LIMITS.tag, { each: true }),
  );
export const IsSpecialtyCodeList = () =>
  applyDecorators(
    ArrayMaxSize(TEXT_LIMITS.specialtiesPerCase),
    IsString({ each: true }),
    MaxLength(64, { each: true }),
  );
