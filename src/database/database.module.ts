import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Injection token for the database URL in use (for components with their own pool, e.g. the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/** TypeORM on the resolved database URL; pending migrations are applied at start. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }],
      exports: [DATABASE_URL],
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          autoLoadEntities: true,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
        }),
      ],
    };
  }
}
