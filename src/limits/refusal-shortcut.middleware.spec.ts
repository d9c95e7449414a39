import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { PENALTY_WINDOW_MS, RefusalCache } from './refusal-cache.js';
import { refusalShortcut } from './refusal-shortcut.middleware.js';

const KEY = `cbk_0123456789ab_${'x'.repeat(43)}`;

function request(): Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'x-api-key': KEY },
    ip: '10.0.0.9',
  } as unknown as Request;
}

/** A response that records what was sent; emitting 'close' ends the request. */
function response() {
  const res = new EventEmitter() as EventEmitter & Record<string, unknown>;
  res.sent = undefined;
  res.writableEnded = false;
  res.destroyed = false;
  res.status = (code: number) => {
    res.statusCode = code;
    return res;
  };
  res.set = () => res;
  res.json = (body: unknown) => {
    res.sent = body;
    res.writableEnded = true;
    return res;
  };
  return res as unknown as Response & EventEmitter & { sent?: unknown; statusCode?: number };
}

/** One partner app capped at two requests in flight sends three at once: two pass, the third waits. */
function threeRequestsOfOneApp() {
  const cache = new RefusalCache();
  cache.learnKeyPrefix('0123456789ab', 'app-1');
  const middleware = refusalShortcut(cache, { jwtSecret: undefined, maxInFlightPerClient: 2, tarpitMs: 0 });
  const passed: Response[] = [];
  const responses = [response(), response(), response()];
  for (const res of responses) middleware(request(), res, (() => passed.push(res)) as NextFunction);
  return { cache, passed, responses };
}

describe('refusalShortcut', () => {
  it('lets at most maxInFlightPerClient requests of one partner app through at once; the next waits', async () => {
    const { passed, responses } = threeRequestsOfOneApp();
    expect(passed).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(responses[2].statusCode).toBeUndefined();
    // When one finishes, the waiting request goes through.
    responses[0].emit('close');
    expect(passed).toEqual([responses[0], responses[1], responses[2]]);
  });

  it('refuses a request that waited while its client was refused by the budget', async () => {
    const { cache, passed, responses } = threeRequestsOfOneApp();
    cache.remember(['app:app-1'], 30);
    responses[0].emit('close');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(passed).toHaveLength(2);
    expect(responses[2].statusCode).toBe(429);
  });

  it('repeats a recent budget refusal at the door, and forgets it once the wait is over', async () => {
    const cache = new RefusalCache();
    cache.learnKeyPrefix('0123456789ab', 'app-1');
    cache.remember(['app:app-1'], 30);
    const middleware = refusalShortcut(cache, {
      jwtSecret: undefined,
      maxInFlightPerClient: 10,
      tarpitMs: 0,
    });
    const refused = response();
    let called = false;
    middleware(request(), refused, (() => {
      called = true;
    }) as NextFunction);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(called).toBe(false);
    expect(refused.statusCode).toBe(429);
    cache.forgetExpired(Date.now() + 31_000);
    middleware(request(), response(), (() => {
      called = true;
    }) as NextFunction);
    expect(called).toBe(true);
  });

  it('caps a partner key from its first request, before this instance knows its app', () => {
    const cache = new RefusalCache();
    const middleware = refusalShortcut(cache, { jwtSecret: undefined, maxInFlightPerClient: 2, tarpitMs: 0 });
    let passed = 0;
    const pass = (() => {
      passed += 1;
    }) as NextFunction;
    const waiting = response();
    for (const res of [response(), response(), waiting]) middleware(request(), res, pass);
    expect(passed).toBe(2);
    // A different key with the same public prefix is another client (a forgery cannot take its slots).
    const forged = {
      ...request(),
      headers: { 'x-api-key': `cbk_0123456789ab_${'y'.repeat(43)}` },
    } as unknown as Request;
    middleware(forged, response(), pass);
    expect(passed).toBe(3);
    waiting.emit('close'); // the client went away: its wait (and timer) ends
  });

  it('holds a recently refused client to one request in progress until the penalty window ends', () => {
    const cache = new RefusalCache();
    cache.learnKeyPrefix('0123456789ab', 'app-1');
    const middleware = refusalShortcut(cache, { jwtSecret: undefined, maxInFlightPerClient: 8, tarpitMs: 0 });
    // Refused by the budget store two seconds ago with a one-second wait, which is over.
    const refusedAt = Date.now() - 2000;
    cache.remember(['app:app-1'], 1, refusedAt);
    const passed: Response[] = [];
    const responses = [response(), response(), response()];
    for (const res of responses) middleware(request(), res, (() => passed.push(res)) as NextFunction);
    expect(passed).toEqual([responses[0]]);
    responses[0].emit('close');
    expect(passed).toEqual([responses[0], responses[1]]);
    // Once the window is over, the usual cap applies again.
    expect(cache.recentlyRefused(['app:app-1'], refusedAt + PENALTY_WINDOW_MS - 1)).toBe(true);
    cache.forgetExpired(refusedAt + PENALTY_WINDOW_MS);
    expect(cache.recentlyRefused(['app:app-1'])).toBe(false);
    responses[1].emit('close');
    expect(passed).toHaveLength(3);
    const more = [response(), response()];
    for (const res of more) middleware(request(), res, (() => passed.push(res)) as NextFunction);
    expect(passed).toHaveLength(4);
    more[1].emit('close');
  });

  it('does not cap addresses: many users behind one hospital address are not one client', () => {
    const cache = new RefusalCache();
    const middleware = refusalShortcut(cache, { jwtSecret: undefined, maxInFlightPerClient: 1, tarpitMs: 0 });
    let passed = 0;
    for (let i = 0; i < 5; i++) {
      const req = { method: 'POST', path: '/graphql', headers: {}, ip: '10.0.0.9' } as unknown as Request;
      middleware(req, response(), (() => {
        passed += 1;
      }) as NextFunction);
    }
    expect(passed).toBe(5);
  });
});
