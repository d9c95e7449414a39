import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

const columnLists = new WeakMap<EntityMetadata, Map<string, string>>();
const statements = new WeakMap<EntityMetadata, string>();

function assertPlain(metadata: EntityMetadata): void {
  if (metadata.primaryColumns.length !== 1 || metadata.relations.length > 0)
    throw new Error(`${metadata.name}: lean reads need a single primary key and no relations`);
}

/**
 * The entity's selected columns as a SQL list (`"id", "forum_id", …`, or `c."id", …` with a table
 * alias), built once per entity and alias.
 */
export function selectColumnsOf(
  dataSource: DataSource,
  target: EntityTarget<ObjectLiteral>,
  alias?: string,
): string {
  const metadata = dataSource.getMetadata(target);
  let lists = columnLists.get(metadata);
  if (!lists) {
    assertPlain(metadata);
    lists = new Map();
    columnLists.set(metadata, lists);
  }
  let list = lists.get(alias ?? '');
  if (!list) {
    const prefix = alias ? `${alias}.` : '';
    list = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `${prefix}"${c.databaseName}"`)
      .join(', ');
    lists.set(alias ?? '', list);
  }
  return list;
}

/** Entities from rows keyed by column name, each value through the driver as TypeORM hydrates it. */
export function hydrateEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns)
      if (column.isSelect)
        column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}

/**
 * Entities by uuid primary key for DataLoader batches: the same columns and hydration as
 * `repository.findBy({ id: In(ids) })`, with the SQL built once per entity instead of through the query
 * builder on every batch, which was ~4% of the API's CPU on the feed (bench/README.md, decision 7).
 * Plain entities only (no relations).
 */
export async function findByIdsLean<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  ids: readonly string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const metadata = dataSource.getMetadata(target);
  let sql = statements.get(metadata);
  if (!sql) {
    sql = `SELECT ${selectColumnsOf(dataSource, target)} FROM "${metadata.tableName}" WHERE "${metadata.primaryColumns[0].databaseName}" = ANY($1::uuid[])`;
    statements.set(metadata, sql);
  }
  const rows: Record<string, unknown>[] = await dataSource.query(sql, [ids]);
  return hydrateEntities(dataSource, target, rows);
}
