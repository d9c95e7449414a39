import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { pino } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { configureApp } from '../src/app-setup.js';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';
import { DomainEvents } from '../src/events/domain-events.js';
import { REALTIME_OPTIONS, RealtimePubSub } from '../src/realtime/pubsub.provider.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, graphqlOver, type TestApp } from './support/test-app.js';
import { redisReachable, TEST_REDIS_URL } from './support/redis.js';
import { createMigratedDatabase, type TestDatabase } from './support/test-database.js';
import { connected, listenForWebSockets, subscribe, untilDelivered } from './support/ws-client.js';

const REDIS_URL = TEST_REDIS_URL;

const reachable = await redisReachable();
if (!reachable) {
  console.warn(
    `redis-pubsub.e2e-spec: no Redis at ${REDIS_URL}; the cross-instance subscription test is skipped`,
  );
}

/** One API instance on an existing database, with a channel prefix unique to this run. */
async function instanceOn(database: TestDatabase, channelPrefix: string): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    REDIS_URL,
  });
  const logger = pino({ level: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url, logger })],
  })
    .overrideProvider(REALTIME_OPTIONS)
    .useValue({ channelPrefix })
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  configureApp(app, config, logger);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    database,
    logLines: [],
    http: () => request(server),
    gql: graphqlOver(server),
    close: () => app.close(),
    stop: () => app.close(),
  };
}

(reachable ? describe : describe.skip)('subscriptions across instances through Redis', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let admin: Account;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    const prefix = `curbside-test-${randomBytes(6).toString('hex')}:`;
    a = await instanceOn(database, prefix);
    b = await instanceOn(database, prefix);
    admin = await givenAdmin(a);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('uses Redis on both instances', () => {
    expect(a.app.get(RealtimePubSub).distributed).toBe(true);
    expect(b.app.get(RealtimePubSub).distributed).toBe(true);
  });

  it('delivers an event raised on instance A to a subscriber connected to instance B', async () => {
    const author = await givenVerifiedClinician(a, admin);
    const reader = await givenVerifiedClinician(a, admin);
    const forum = await givenForum(a, admin, 'PRIVATE');
    const kase = await givenCase(a, author, forum.id);
    const probe = await givenReply(a, author, kase.id);

    const connection = await connected(await listenForWebSockets(b), reader.accessToken);
    try {
      const stream = subscribe(connection, 'subscription($c: ID!) { caseReplied(caseId: $c) { id body } }', {
        c: kase.id,
      });
      // Raised on A only: B's subscriber can only hear of it through Redis.
      await untilDelivered(
        stream,
        () =>
          a.app
            .get(DomainEvents)
            .emit('reply.posted', { replyId: probe.id, caseId: kase.id, authorId: author.id }),
        (r) => r.data?.caseReplied?.id === probe.id,
      );
      const reply = await givenReply(a, author, kase.id, 'Repeat the ferritin in two weeks.');
      const delivered = await stream.next((r) => r.data?.caseReplied?.id === reply.id);
      expect(delivered.data?.caseReplied).toEqual({ id: reply.id, body: reply.body });
      expect(dataOf(await b.gql('query { me { id } }', {}, { token: reader.accessToken }), 'me')).toEqual({
        id: reader.id,
      });
    } finally {
      await connection.close();
    }
  });
});

if (!reachable) {
  describe('subscriptions across instances through Redis', () => {
    it.skip(`needs a Redis at ${REDIS_URL} (not reachable here)`, () => {});
  });
}
