import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ClientAdmission, MAX_WAIT_MS, SLOW_START_STEP_MS } from './client-admission.js';

describe('ClientAdmission', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  /** Sends n requests for one client; returns their release functions and how each ended. */
  function send(admission: ClientAdmission, n: number, keys = ['key:a'], cap = 8) {
    const outcomes: ('admitted' | 'refused' | 'waiting')[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < n; i++) {
      outcomes.push('waiting');
      admission.request(
        keys,
        cap,
        (release) => {
          outcomes[i] = 'admitted';
          releases[i] = release;
        },
        () => {
          outcomes[i] = 'refused';
        },
      );
    }
    return { outcomes, releases };
  }

  it('starts a client at two requests in progress and doubles every second up to the cap', () => {
    const admission = new ClientAdmission(clock);
    const first = send(admission, 3);
    expect(first.outcomes).toEqual(['admitted', 'admitted', 'waiting']);
    now += SLOW_START_STEP_MS;
    // The waiting request goes in as soon as a slot frees; after a second the cap is 4.
    first.releases[0]();
    expect(first.outcomes[2]).toBe('admitted');
    expect(send(admission, 2).outcomes).toEqual(['admitted', 'admitted']);
    expect(admission.inFlight('key:a')).toBe(4);
    now += 2 * SLOW_START_STEP_MS;
    expect(send(admission, 5).outcomes).toEqual(['admitted', 'admitted', 'admitted', 'admitted', 'waiting']);
    expect(admission.inFlight('key:a')).toBe(8);
  });

  it('lets up to twice the cap wait, refuses the rest, and refuses a wait longer than MAX_WAIT_MS', () => {
    const admission = new ClientAdmission(clock);
    const { outcomes } = send(admission, 2 + 2 * 2 + 1, ['key:b'], 2);
    expect(outcomes.filter((o) => o === 'admitted')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(4);
    expect(outcomes.at(-1)).toBe('refused');
    jest.advanceTimersByTime(MAX_WAIT_MS);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(5);
  });

  it('keeps clients apart: one client at its cap does not hold up another', () => {
    const admission = new ClientAdmission(clock);
    send(admission, 5, ['key:abuser']);
    expect(send(admission, 2, ['key:polite']).outcomes).toEqual(['admitted', 'admitted']);
  });

  it('withdraws a waiting request whose client went away', () => {
    const admission = new ClientAdmission(clock);
    const held = send(admission, 2, ['user:u']);
    let admitted = false;
    const withdraw = admission.request(
      ['user:u'],
      8,
      () => {
        admitted = true;
      },
      () => {},
    );
    withdraw();
    held.releases[0]();
    expect(admitted).toBe(false);
    expect(admission.inFlight('user:u')).toBe(1);
  });
});
