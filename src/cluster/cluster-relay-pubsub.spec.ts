import { describe, expect, it } from '@jest/globals';
import { ClusterRelayPubSub, type RelayChannel, type RelayMessage } from './cluster-relay-pubsub.js';

/** Stands in for the primary: what any worker sends reaches every worker, as JSON over IPC does. */
function fakePrimary() {
  const listeners = new Set<(message: unknown) => void>();
  const channel = (): RelayChannel => ({
    send: (message: RelayMessage) => {
      const copy = JSON.parse(JSON.stringify(message));
      for (const listener of listeners) listener(copy);
    },
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { channel, listeners };
}

describe('ClusterRelayPubSub', () => {
  it('delivers an event published by one worker to the subscribers of every worker', async () => {
    const primary = fakePrimary();
    const a = new ClusterRelayPubSub(primary.channel());
    const b = new ClusterRelayPubSub(primary.channel());
    const heard: string[] = [];
    await a.subscribe('case.replied:1', (payload) =>
      heard.push(`a:${(payload as { replyId: string }).replyId}`),
    );
    await b.subscribe('case.replied:1', (payload) =>
      heard.push(`b:${(payload as { replyId: string }).replyId}`),
    );
    await b.subscribe('case.replied:2', () => heard.push('b:other topic'));
    await a.publish('case.replied:1', { replyId: 'r1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard.sort()).toEqual(['a:r1', 'b:r1']);
  });

  it('ignores unrelated IPC messages and stops listening when closed', async () => {
    const primary = fakePrimary();
    const a = new ClusterRelayPubSub(primary.channel());
    const heard: unknown[] = [];
    const id = await a.subscribe('t', (payload) => heard.push(payload));
    for (const listener of primary.listeners) listener('shutdown');
    for (const listener of primary.listeners) listener({ type: 'other', trigger: 't', payload: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([]);
    a.unsubscribe(id);
    a.close();
    expect(primary.listeners.size).toBe(0);
  });
});
