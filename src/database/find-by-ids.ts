import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

const statements = new WeakMap<EntityMetadata, string>();

function statementFor(metadata: EntityMetadata): string {
  let sql = statements.get(metadata);
  if (!sql) {
    if (metadata.primaryColumns.length !== 1 || metadata.relations.length > 0)
      throw new Error(`findByIdsLean: ${metadata.name} needs a single primary key and no relations`);
    const columns = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `"${c.databaseName}"`)
      .join(', ');
    sql = `SELECT ${columns} FROM "${metadata.tableName}" WHERE "${metadata.primaryColumns[0].databaseName}" = ANY($1::uuid[])`;
    statements.set(metadata, sql);
  }
  return sql;
}

/**
 * Entities by uuid primary key for DataLoader batches: the same columns and hydration as
 * `repository.findBy({ id: In(ids) })` (each value through the driver, as TypeORM hydrates it), with the
 * SQL built once per entity instead of through the query builder on every batch, which was ~4% of the
 * API's CPU on the feed (bench/README.md, decision 7). Plain entities only (no relations).
 */
export async function findByIdsLean<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  ids: readonly string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const metadata = dataSource.getMetadata(target);
  const rows: Record<string, unknown>[] = await dataSource.query(statementFor(metadata), [ids]);
  const driver = dataSource.driver;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns)
      if (column.isSelect)
        column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}
