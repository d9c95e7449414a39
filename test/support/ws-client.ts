import type { AddressInfo } from 'node:net';
import type { FormattedExecutionResult as ExecutionResult } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app.js';

/** Makes the test app listen on a free port (WebSockets need a real socket); returns the ws:// URL. */
export async function listenForWebSockets(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/graphql`;
}

export interface Connection {
  client: Client;
  /** Settles when the server acknowledged the connection, or with the close code when it refused it. */
  outcome: Promise<{ connected: true } | { connected: false; code: number }>;
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws connection with `connectionParams.authorization` (when a token is given) and any
 * extra connection params (e.g. a partner app's `apiKey`).
 */
export function connect(
  url: string,
  token?: string | null,
  authorization?: string,
  extraParams: Record<string, string> = {},
): Connection {
  let settle: (value: { connected: true } | { connected: false; code: number }) => void = () => {};
  const outcome = new Promise<{ connected: true } | { connected: false; code: number }>((resolve) => {
    settle = resolve;
  });
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: () => {
      if (authorization !== undefined) return { authorization, ...extraParams };
      return token ? { authorization: `Bearer ${token}`, ...extraParams } : { ...extraParams };
    },
    on: {
      connected: () => settle({ connected: true }),
      closed: (event) => settle({ connected: false, code: (event as { code: number }).code }),
    },
    onNonLazyError: () => {},
  });
  return { client, outcome, close: () => client.dispose() as Promise<void> };
}

/** Opens a connection and fails the test if the server refuses it. */
export async function connected(url: string, token: string): Promise<Connection> {
  const connection = connect(url, token);
  const outcome = await connection.outcome;
  if (!outcome.connected) throw new Error(`connection refused with ${outcome.code}`);
  return connection;
}

export interface Stream<T = any> {
  /** Every result the server sent, in order (data or errors). */
  results: ExecutionResult<T>[];
  completed: Promise<void>;
  /** Resolves with the first result matching, or fails after the timeout. */
  next(match: (result: ExecutionResult<T>) => boolean, timeoutMs?: number): Promise<ExecutionResult<T>>;
  dispose(): void;
}

export function subscribe<T = any>(
  connection: Connection,
  query: string,
  variables: Record<string, unknown> = {},
): Stream<T> {
  const results: ExecutionResult<T>[] = [];
  const waiters: { match: (r: ExecutionResult<T>) => boolean; resolve: (r: ExecutionResult<T>) => void }[] =
    [];
  let done: () => void = () => {};
  const completed = new Promise<void>((resolve) => {
    done = resolve;
  });
  const dispose = connection.client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        const result = value as ExecutionResult<T>;
        results.push(result);
        for (const waiter of [...waiters]) {
          if (waiter.match(result)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(result);
          }
        }
      },
      error: (error) => {
        results.push({
          errors: Array.isArray(error) ? error : [{ message: String(error) }],
        } as ExecutionResult<T>);
        done();
      },
      complete: () => done(),
    },
  );
  return {
    results,
    completed,
    dispose,
    next(match, timeoutMs = 5000) {
      const seen = results.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no matching subscription result in time')),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (result) => {
            clearTimeout(timer);
            resolve(result);
          },
        });
      });
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * graphql-ws does not acknowledge a subscribe, so a test cannot know when the server is listening.
 * Repeats `announce` until `stream` shows a result matching `match` (proving the subscription is live).
 */
export async function untilDelivered<T>(
  stream: Stream<T>,
  announce: () => void | Promise<void>,
  match: (result: ExecutionResult<T>) => boolean,
  timeoutMs = 8000,
): Promise<ExecutionResult<T>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await announce();
    try {
      return await stream.next(match, 250);
    } catch {
      // not yet subscribed on the server; announce again
    }
  }
  throw new Error('subscription never delivered the announced event');
}
