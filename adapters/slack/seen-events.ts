import type { Clock } from '../../src/clock.js';
import type { SeenKeys } from '../../src/store/sqlite-seen-keys.js';

/**
 * Remembers which incoming questions have been handled, so a retried or doubly delivered one is answered once.
 * The in-memory store below serves one process; a durable store can implement the same port.
 */
export interface SeenEvents {
  /**
   * Records the keys that identify one incoming question (event id, channel and timestamp, client message id) and
   * resolves true when none of them had been seen before, false when the question is a repeat.
   */
  claim(keys: readonly string[]): Promise<boolean>;
}

/** Options for {@link createMemorySeenEvents}. */
export type MemorySeenEventsOptions = {
  /** How many keys are remembered before the least recently seen are forgotten; defaults to 10,000. */
  capacity?: number;
};

/** A {@link SeenEvents} held in memory: a least-recently-used set of keys of bounded size. */
export function createMemorySeenEvents({ capacity = 10_000 }: MemorySeenEventsOptions = {}): SeenEvents {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`createMemorySeenEvents: capacity must be a positive integer, got ${capacity}`);
  }
  // A Map iterates in insertion order, so deleting and re-inserting a key makes the first key the least recent.
  const keys = new Map<string, true>();
  return {
    async claim(incoming) {
      let repeat = false;
      for (const key of incoming) {
        if (keys.delete(key)) repeat = true;
        keys.set(key, true);
      }
      while (keys.size > capacity) {
        const oldest = keys.keys().next();
        if (oldest.done === true) break;
        keys.delete(oldest.value);
      }
      return !repeat;
    },
  };
}

/** A {@link SeenEvents} kept in the store, so a retry that arrives after a restart is still answered once. */
export function createStoreSeenEvents(seenKeys: SeenKeys, clock: Pick<Clock, 'now'> = { now: () => new Date() }): SeenEvents {
  return {
    async claim(keys) {
      return seenKeys.claim(keys, clock.now());
    },
  };
}
