import { PubSub, PubSubEngine } from 'graphql-subscriptions';

/** The IPC message a worker sends its primary to publish, and the primary sends every worker. */
export interface RelayMessage {
  type: typeof RELAY_MESSAGE_TYPE;
  trigger: string;
  payload: unknown;
}

export const RELAY_MESSAGE_TYPE = 'curbside:pubsub';

export function isRelayMessage(message: unknown): message is RelayMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as RelayMessage).type === RELAY_MESSAGE_TYPE &&
    typeof (message as RelayMessage).trigger === 'string'
  );
}

/** How a worker talks to its primary: process.send and process's 'message' events in production. */
export interface RelayChannel {
  send(message: RelayMessage): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

export const processChannel: RelayChannel = {
  send: (message) => {
    process.send?.(message);
  },
  onMessage: (listener) => {
    process.on('message', listener);
    return () => process.off('message', listener);
  },
};

/**
 * PubSub for the workers of one cluster without Redis: a publish goes to the primary, which hands it
 * to every worker (the publisher included), and each worker delivers it to its own subscribers. Like
 * Redis, payloads cross a process boundary as JSON, so they carry ids, not objects.
 */
export class ClusterRelayPubSub extends PubSubEngine {
  private readonly local = new PubSub();
  private readonly stopListening: () => void;

  constructor(private readonly channel: RelayChannel = processChannel) {
    super();
    this.stopListening = channel.onMessage((message) => {
      if (isRelayMessage(message)) void this.local.publish(message.trigger, message.payload);
    });
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    this.channel.send({ type: RELAY_MESSAGE_TYPE, trigger, payload });
  }

  subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number> {
    return this.local.subscribe(trigger, onMessage);
  }

  unsubscribe(subscriptionId: number): void {
    this.local.unsubscribe(subscriptionId);
  }

  close(): void {
    this.stopListening();
  }
}
