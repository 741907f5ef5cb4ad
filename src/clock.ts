// The one module that owns timers: every wait in storybot's core (debounces, rescans, digest slots, retry backoff)
// goes through a Clock, so tests drive time by hand and nothing else calls setTimeout or setInterval.

/** A handle to a pending timer, for {@link Clock.clearTimer}. */
export type TimerId = number;

/** What the core knows about time: the current instant and one-shot timers at an instant. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Calls `fn` once at (or soon after) `at`; an instant already past fires on the next turn of the event loop. */
  setTimer(at: Date, fn: () => void): TimerId;
  /** Cancels a pending timer; unknown or already fired ids are ignored. */
  clearTimer(id: TimerId): void;
}

// setTimeout takes at most 2^31 − 1 ms (about 24.8 days); longer waits are chained through intermediate wake-ups.
const longestTimeout = 2_147_483_647;

/** The wall clock: `Date` for the time and Node's timers, unref'd so a pending timer never keeps the process alive. */
export function createSystemClock(): Clock {
  const timers = new Map<TimerId, NodeJS.Timeout>();
  let nextId = 1;
  const arm = (id: TimerId, at: Date, fn: () => void): void => {
    const wait = Math.max(0, at.getTime() - Date.now());
    const handle = setTimeout(() => {
      if (wait > longestTimeout) {
        arm(id, at, fn);
        return;
      }
      timers.delete(id);
      fn();
    }, Math.min(wait, longestTimeout));
    handle.unref();
    timers.set(id, handle);
  };
  return {
    now: () => new Date(),
    setTimer(at, fn) {
      const id = nextId++;
      arm(id, at, fn);
      return id;
    },
    clearTimer(id) {
      const handle = timers.get(id);
      if (handle !== undefined) clearTimeout(handle);
      timers.delete(id);
    },
  };
}

/** A clock that moves only when told to, for tests and simulations. */
export interface ManualClock extends Clock {
  /** Moves time forward to `at`, firing every timer due by then in time order (timers they set included). */
  advanceTo(at: Date): void;
  /** Moves time forward by `ms` milliseconds, firing what falls due. */
  advanceBy(ms: number): void;
  /** When the earliest pending timer is due, or null when none is pending. */
  nextTimerAt(): Date | null;
  /** Number of pending timers. */
  readonly pending: number;
}

/** Creates a {@link ManualClock} that starts at `start`. */
export function createManualClock(start: Date): ManualClock {
  let current = start.getTime();
  let nextId = 1;
  const timers = new Map<TimerId, { at: number; fn: () => void }>();
  const earliest = (): [TimerId, { at: number; fn: () => void }] | undefined => {
    let best: [TimerId, { at: number; fn: () => void }] | undefined;
    for (const entry of timers) if (best === undefined || entry[1].at < best[1].at || (entry[1].at === best[1].at && entry[0] < best[0])) best = entry;
    return best;
  };
  const clock: ManualClock = {
    now: () => new Date(current),
    setTimer(at, fn) {
      const id = nextId++;
      timers.set(id, { at: Math.max(at.getTime(), current), fn });
      return id;
    },
    clearTimer(id) {
      timers.delete(id);
    },
    advanceTo(at) {
      const target = at.getTime();
      if (target < current) throw new Error(`createManualClock: cannot move back from ${new Date(current).toISOString()} to ${at.toISOString()}`);
      for (;;) {
        const due = earliest();
        if (due === undefined || due[1].at > target) break;
        timers.delete(due[0]);
        current = due[1].at;
        due[1].fn();
      }
      current = target;
    },
    advanceBy(ms) {
      clock.advanceTo(new Date(current + ms));
    },
    nextTimerAt() {
      const due = earliest();
      return due === undefined ? null : new Date(due[1].at);
    },
    get pending() {
      return timers.size;
    },
  };
  return clock;
}

/** Resolves after `ms` milliseconds of the given clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(new Date(clock.now().getTime() + ms), resolve));
}

/** Resolves on the next turn of the event loop, after pending I/O: long loops await it to let other work run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
