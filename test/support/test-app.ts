import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { pino } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { configureApp } from '../../src/app-setup.js';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createMigratedDatabase, type TestDatabase } from './test-database.js';

export const ADMIN_EMAIL = 'admin@curbside.test';
export const ADMIN_PASSWORD = 'granite-meadow-compass-42';

export interface GraphQLResponse<T = any> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, any>; path?: string[] }[] | undefined;
  headers: Record<string, string>;
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  database: TestDatabase;
  /** Every line the app logged, as raw JSON text (to prove what is and is not logged). */
  logLines: string[];
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
  /** Stops the app but keeps its database (to start another instance on it). */
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Start on this database instead of a fresh one (a restart, or a second instance). */
  database?: TestDatabase;
}

/** TestApp.gql for an HTTP server (in-process) or a base URL (an API running as its own process). */
export function graphqlOver(target: Parameters<typeof request>[0]): TestApp['gql'] {
  return async (query, variables, options = {}) => {
    const req = request(target).post('/graphql').set('content-type', 'application/json');
    if (options.token) req.set('authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) req.set(name, value);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers };
  };
}

/** Boots the real application (all modules, guards, pipes, logging) on a fresh migrated database. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.database ?? (await createMigratedDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'info',
    // Suites send hundreds of requests from one address and deep test queries; the limits tests
    // set these back to realistic values.
    QUERY_MAX_COST: '10000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
    RATE_LIMIT_USER_PER_MINUTE: '100000000',
    RATE_LIMIT_APP_PER_MINUTE: '100000000',
    RATE_LIMIT_MAX_IN_FLIGHT: '10000',
    ...env,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: config.logLevel }, sink);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url, logger })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, config, logger);
  await app.init();
  const server = app.getHttpServer();

  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    database,
    logLines,
    http: () => request(server),
    gql: graphqlOver(server),
    async close() {
      await app.close();
      await database.drop();
    },
    async stop() {
      await app.close();
    },
  };
}
