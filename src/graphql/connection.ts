import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Relay pagination arguments shared by every list: `first` (1..100, default 20) and `after`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function Connection<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching, across all pages' })
    totalCount: number;
  }
  return ConnectionType;
}

/** Cursors are opaque to clients: base64url JSON of the keyset values of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.badInput('after', 'after is not a cursor returned by this list');
}

/** The page size asked for, checked here too because field-resolver arguments may skip the validation pipe. */
/** The cursor of a list ordered by (a millisecond timestamp, id), after `leading` other sort values. */
export interface TimeIdCursor {
  leading: (string | number)[];
  at: string;
  id: string;
}

/**
 * Decodes a (timestamp, id) keyset cursor, accepting only what these lists write: the exact ISO form
 * of a valid instant and a uuid. Anything else is the client's error, never a database one.
 */
export function decodeTimeIdCursor(after: string, leading = 0): TimeIdCursor {
  const values = decodeCursor(after, leading + 2);
  const [at, id] = values.slice(leading);
  const instant = typeof at === 'string' ? new Date(at) : null;
  if (!isUuid(id) || !instant || Number.isNaN(instant.getTime()) || instant.toISOString() !== at) {
    throw DomainError.badInput('after', 'after is not a cursor returned by this list');
  }
  return { leading: values.slice(0, leading), at, id };
}

export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * Turns rows fetched with LIMIT size+1 into a page: the extra row only tells that another page exists.
 */
export function toPage<R, T>(
  rows: R[],
  size: number,
  totalCount: number,
  keysOf: (row: R) => (string | number)[],
  toNode: (row: R) => T,
): Page<T> {
  const visible = rows.slice(0, size);
  const edges = visible.map((row) => ({ cursor: encodeCursor(keysOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
