import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

const columnLists = new WeakMap<EntityMetadata, string>();
const statements = new WeakMap<EntityMetadata, string>();

function assertPlain(metadata: EntityMetadata): void {
  if (metadata.primaryColumns.length !== 1 || metadata.relations.length > 0)
    throw new Error(`${metadata.name}: lean reads need a single primary key and no relations`);
}

/** The entity's selected columns as a SQL list (`"id", "forum_id", …`), built once per entity. */
export function selectColumnsOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): string {
  const metadata = dataSource.getMetadata(target);
  let list = columnLists.get(metadata);
  if (!list) {
    assertPlain(metadata);
    list = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `"${c.databaseName}"`)
      .join(', ');
    columnLists.set(metadata, list);
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
