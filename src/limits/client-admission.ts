/** A client starts with this many requests in progress, doubling every SLOW_START_STEP_MS up to its cap. */
export const SLOW_START_INITIAL = 2;
export const SLOW_START_STEP_MS = 1000;
/** A client idle this long starts slowly again. */
export const IDLE_RESET_MS = 60_000;
/** Longest a request waits for one of its client's slots before it is refused. */
export const MAX_WAIT_MS = 5000;

interface ClientState {
  inFlight: number;
  /** When this client's current stretch of activity began (for the slow start). */
  since: number;
  lastActive: number;
  waiting: Waiter[];
}

interface Waiter {
  keys: readonly string[];
  cap: number;
  admit: () => void;
  timer: NodeJS.Timeout;
}

export type Admission = { admitted: true; release: () => void } | { admitted: false };

/**
 * Requests in progress per client (partner key, app or user), on this instance. A client may have up
 * to `cap` at once, reached by a slow start (2, then 4, 8… a second apart) so a client arriving with
 * many connections cannot crowd the others out in its first second. Requests over the cap wait, in
 * order, for a slot (up to twice the cap of them, for at most MAX_WAIT_MS); beyond that they are
 * refused.
 */
export class ClientAdmission {
  private readonly clients = new Map<string, ClientState>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Calls `onAdmit` with a release function now or once a slot frees up, or `onRefuse`. Returns a
   * function that withdraws the request if it is still waiting (its client went away).
   */
  request(
    keys: readonly string[],
    cap: number,
    onAdmit: (release: () => void) => void,
    onRefuse: () => void,
  ): () => void {
    const nothing = () => {};
    if (keys.length === 0) {
      onAdmit(nothing);
      return nothing;
    }
    const blocking = this.blockingKey(keys, cap);
    if (blocking === undefined) {
      onAdmit(this.take(keys));
      return nothing;
    }
    const state = this.state(blocking);
    if (state.waiting.length >= cap * 2) {
      onRefuse();
      return nothing;
    }
    const withdraw = () => {
      const index = state.waiting.indexOf(waiter);
      if (index < 0) return false;
      state.waiting.splice(index, 1);
      clearTimeout(waiter.timer);
      return true;
    };
    const waiter: Waiter = {
      keys,
      cap,
      admit: () => onAdmit(this.take(keys)),
      timer: setTimeout(() => {
        if (withdraw()) onRefuse();
      }, MAX_WAIT_MS),
    };
    state.waiting.push(waiter);
    return () => {
      withdraw();
    };
  }

  inFlight(key: string): number {
    return this.clients.get(key)?.inFlight ?? 0;
  }

  private capOf(state: ClientState, cap: number): number {
    const doublings = Math.floor((this.now() - state.since) / SLOW_START_STEP_MS);
    return Math.min(cap, SLOW_START_INITIAL * 2 ** Math.min(doublings, 16));
  }

  private blockingKey(keys: readonly string[], cap: number): string | undefined {
    return keys.find((key) => {
      const state = this.state(key);
      return state.waiting.length > 0 || state.inFlight >= this.capOf(state, cap);
    });
  }

  private state(key: string): ClientState {
    const now = this.now();
    let state = this.clients.get(key);
    if (state && state.inFlight === 0 && state.waiting.length === 0 && now - state.lastActive > IDLE_RESET_MS)
      state = undefined;
    if (!state) {
      if (this.clients.size > 10_000) this.pruneIdle(now);
      state = { inFlight: 0, since: now, lastActive: now, waiting: [] };
      this.clients.set(key, state);
    }
    return state;
  }

  private take(keys: readonly string[]): () => void {
    for (const key of keys) {
      const state = this.state(key);
      state.inFlight += 1;
      state.lastActive = this.now();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of keys) {
        const state = this.clients.get(key);
        if (!state) continue;
        state.inFlight -= 1;
        state.lastActive = this.now();
      }
      for (const key of keys) this.admitWaiting(key);
    };
  }

  /** Lets the oldest waiting requests of this client in while they fit under every cap they need. */
  private admitWaiting(key: string): void {
    const state = this.clients.get(key);
    while (state && state.waiting.length > 0) {
      const next = state.waiting[0];
      const fits = next.keys.every((k) => {
        const s = this.state(k);
        return s.inFlight < this.capOf(s, next.cap) && (k === key || s.waiting.length === 0);
      });
      if (!fits) return;
      state.waiting.shift();
      clearTimeout(next.timer);
      next.admit();
    }
  }

  private pruneIdle(now: number): void {
    for (const [key, state] of this.clients)
      if (state.inFlight === 0 && state.waiting.length === 0 && now - state.lastActive > IDLE_RESET_MS)
        this.clients.delete(key);
  }
}
