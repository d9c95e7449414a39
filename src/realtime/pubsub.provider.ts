import cluster from 'node:cluster';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ClusterRelayPubSub } from '../cluster/cluster-relay-pubsub.js';
import { LOGGER } from '../logging/logging.module.js';

/** Settings of the real-time bus that are not deployment config (tests isolate runs with a prefix). */
export interface RealtimeOptions {
  /** Prepended to every topic, so several deployments (or test runs) can share one Redis. */
  channelPrefix: string;
}

export const REALTIME_OPTIONS = Symbol('REALTIME_OPTIONS');
export const DEFAULT_REALTIME_OPTIONS: RealtimeOptions = { channelPrefix: 'curbside:' };

const CLOSE_TIMEOUT_MS = 1000;

/**
 * The PubSub behind subscriptions: in-process by default; relayed through the cluster primary in an
 * API_WORKERS cluster, so every worker's subscribers hear every worker's events; Redis-backed (one
 * publishing and one subscribing connection) when REDIS_URL is set, so an event raised on one instance
 * reaches subscribers connected to any instance. Closed with the application.
 */
@Injectable()
export class RealtimePubSub implements OnApplicationShutdown {
  private readonly engine: PubSubEngine;
  private readonly redis: RedisPubSub | null = null;
  private readonly relay: ClusterRelayPubSub | null = null;
  private readonly clients: Redis[] = [];
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REALTIME_OPTIONS) options: RealtimeOptions,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.prefix = options.channelPrefix;
    if (!config.redisUrl) {
      this.relay = cluster.isWorker ? new ClusterRelayPubSub() : null;
      this.engine = this.relay ?? new PubSub();
      return;
    }
    let lastReported = 0;
    const connection = (role: string) => {
      const client = new Redis(config.redisUrl!, { connectionName: `curbside-${role}` });
      // ioredis reconnects by itself; report failures (at most every 30 s), never their URL or payloads.
      client.on('error', (error: Error) => {
        if (Date.now() - lastReported < 30_000) return;
        lastReported = Date.now();
        logger.warn(
          { role, err: { type: error.name, message: error.message } },
          'redis pubsub connection error',
        );
      });
      this.clients.push(client);
      return client;
    };
    this.redis = new RedisPubSub({
      publisher: connection('publisher'),
      subscriber: connection('subscriber'),
    });
    this.engine = this.redis;
  }

  get distributed(): boolean {
    return this.redis !== null;
  }

  publish(topic: string, payload: object): Promise<void> {
    return this.engine.publish(this.prefix + topic, payload);
  }

  iterator<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(this.prefix + topic);
  }

  /** After every module is destroyed (the WebSocket server too, so its unsubscribes went out first). */
  async onApplicationShutdown(): Promise<void> {
    this.relay?.close();
    if (!this.redis) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.redis.close().catch(() => undefined),
      new Promise((resolve) => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    for (const client of this.clients) client.disconnect();
  }
}
