import { randomUUID } from 'node:crypto';
import type { Clock, TimerId } from '../clock.js';
import { silentLog, type Log } from '../log.js';
import type { DigestSchedule } from './schedule.js';
import type { DeliveryLog, DeliveryRecord, Digest, DigestPoster, LookupOutcome, PostOutcome, SubscriptionList } from './types.js';

/** Options for {@link createDigestScheduler}. */
export type DigestSchedulerOptions = {
  schedule: DigestSchedule;
  /** The timer owner: slots, retry backoff and claim checks all wait on it. */
  clock: Clock;
  deliveries: DeliveryLog & { scheduleStartedAt(scheduleKey: string, at: Date): Date };
  subscriptions: SubscriptionList;
  /** Channels that always get digests (DIGEST_CHANNELS), as `discord:<id>` or `slack:<id>`. */
  channels: readonly string[];
  /** The poster of each platform that is running, by platform name (`discord`, `slack`). */
  posters: ReadonlyMap<string, DigestPoster>;
  /**
   * Composes the digest for a channel: articles first seen after `since` are new. It may be asynchronous (the story
   * is read in the story engine); a rejection means nothing was posted, and the slot is retried like a platform failure.
   */
  compose(channel: string, since: Date | null, now: Date): Digest | Promise<Digest>;
  log?: Log;
  /** Names this scheduler in the claims it takes; defaults to a random UUID (one per process). */
  instanceId?: string;
  /** How late a slot may still be posted (after downtime), in milliseconds; defaults to six hours. */
  missedWindowMs?: number;
  /**
   * How long a claim may go without a sign of life before another scheduler treats its holder as gone, in
   * milliseconds; defaults to 15 minutes, far longer than any one post with its timeouts takes.
   */
  claimLeaseMs?: number;
  /** Waits before each retry of a platform failure, in milliseconds; its length bounds the retries. Defaults to 30 s, 2 min, 7 min. */
  retryDelaysMs?: readonly number[];
};

/** A running digest schedule. */
export type DigestScheduler = {
  /** Posts a recent slot missed while the bot was down, settles deliveries other processes left claimed, and arms the next slot. */
  start(): void;
  /** Disarms every timer; deliveries under way finish, and nothing new starts. */
  stop(): void;
  /** Resolves once no delivery is in progress (timers may still be pending). */
  idle(): Promise<void>;
  /** The slot the scheduler waits for next, or null. */
  nextSlot(): Date | null;
};

type Target = { channel: string; platform: string; id: string; poster: DigestPoster };

type Job = {
  target: Target;
  slot: Date;
  attempts: number;
  digest: Digest | null;
  composedAt: Date | null;
  /** Set after a failure that may have posted anyway: the next attempt first looks for the message. */
  lookFirst: boolean;
};

/**
 * Posts the digest once per slot per channel. Each delivery is claimed in the store (a unique (channel, slot) row,
 * inserted in an IMMEDIATE transaction so another process on the same store sees it), then posted with a marker the
 * platform keeps, then recorded. A claim whose holder stopped answering (no attempt for `claimLeaseMs`) is taken
 * over and settled by looking for the marker on the platform: found means posted and it is recorded; not found
 * means it never went out and it is posted (if the slot is still recent); a platform that cannot be asked leaves it
 * recorded as unknown and logged, never posted twice.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { schedule, clock, deliveries, subscriptions } = options;
  const log = (options.log ?? silentLog).child({ part: 'digest-scheduler' });
  const instanceId = options.instanceId ?? randomUUID();
  const missedWindowMs = options.missedWindowMs ?? 6 * 3_600_000;
  const claimLeaseMs = options.claimLeaseMs ?? 15 * 60_000;
  const retryDelaysMs = options.retryDelaysMs ?? [30_000, 120_000, 420_000];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<TimerId>();
  const watching = new Set<string>();
  const missingPosters = new Set<string>();
  let slotTimer: TimerId | undefined;
  let armedSlot: Date | null = null;
  let stopped = true;

  const track = (work: Promise<void>): void => {
    const guarded = work.catch((error: unknown) => log.error({ err: error }, 'a digest delivery failed unexpectedly'));
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
  };
  const later = (at: Date, fn: () => void): void => {
    if (stopped) return;
    const id = clock.setTimer(at, () => {
      timers.delete(id);
      if (!stopped) fn();
    });
    timers.add(id);
  };
  const fields = (target: { channel: string }, slot: Date) => ({ channel: target.channel, slot: slot.toISOString() });

  const targetOf = (channel: string): Target | null => {
    const colon = channel.indexOf(':');
    const platform = channel.slice(0, colon);
    const poster = options.posters.get(platform);
    if (colon <= 0 || poster === undefined) {
      if (!missingPosters.has(channel)) {
        missingPosters.add(channel);
        log.warn({ channel }, 'no running platform can post to this digest channel; skipping it');
      }
      return null;
    }
    return { channel, platform, id: channel.slice(colon + 1), poster };
  };

  const channelsFor = (slot: Date): string[] => {
    const subscribed = subscriptions.list().filter((subscription) => subscription.createdAt.getTime() <= slot.getTime());
    return [...new Set([...options.channels, ...subscribed.map((subscription) => subscription.channel)])];
  };

  const finish = (job: Job, end: Parameters<DeliveryLog['finish']>[3]): void => {
    if (!deliveries.finish(job.target.channel, job.slot, instanceId, end)) {
      log.warn({ ...fields(job.target, job.slot), state: end.state }, 'the delivery claim passed to another process before it could be recorded');
    }
  };

  const markerOf = (target: Target, slot: Date) => ({ key: `storybot-digest:${target.channel}:${slot.toISOString()}`, slot });

  const lookup = async (target: Target, slot: Date): Promise<LookupOutcome | null> => {
    if (target.poster.findPosted === undefined) return null;
    try {
      return await target.poster.findPosted(target.id, markerOf(target, slot));
    } catch (error) {
      return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  };

  const attempt = async (job: Job): Promise<void> => {
    if (stopped) return;
    const { target, slot } = job;
    const now = clock.now();
    if (job.lookFirst) {
      const found = await lookup(target, slot);
      if (found?.status === 'found') {
        finish(job, { state: 'posted', at: clock.now(), messageId: found.messageId, detail: 'found on the platform after a failed answer' });
        log.info({ ...fields(target, slot), messageId: found.messageId }, 'digest had been posted after all; recorded');
        return;
      }
      if (found === null || found.status === 'failed') {
        finish(job, { state: 'unknown', at: clock.now(), detail: found?.detail ?? 'the platform cannot be searched' });
        log.error({ ...fields(target, slot) }, 'a digest post may have arrived and cannot be checked; not posting it again, to avoid a duplicate');
        return;
      }
    }
    let composeFailure: string | null = null;
    if (job.digest === null || job.composedAt === null) {
      const since = deliveries.lastDelivered(target.channel) ?? schedule.latest(new Date(slot.getTime() - 1));
      try {
        job.digest = await options.compose(target.channel, since, now);
        job.composedAt = now;
      } catch (error) {
        composeFailure = `the digest could not be composed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    job.attempts += 1;
    deliveries.noteAttempt(target.channel, slot, instanceId, { at: now, attempts: job.attempts, composedAt: job.composedAt ?? now });
    let outcome: PostOutcome;
    if (composeFailure !== null || job.digest === null) {
      // Nothing went out, so trying again later cannot post it twice.
      outcome = { status: 'retryable', ambiguous: false, detail: composeFailure ?? 'the digest could not be composed' };
    } else {
      try {
        outcome = await target.poster.post(target.id, job.digest, markerOf(target, slot));
      } catch (error) {
        outcome = { status: 'retryable', ambiguous: true, detail: error instanceof Error ? error.message : String(error) };
      }
    }
    const at = clock.now();
    switch (outcome.status) {
      case 'posted':
        finish(job, { state: 'posted', at, messageId: outcome.messageId });
        log.info({ ...fields(target, slot), messageId: outcome.messageId, attempts: job.attempts }, 'digest posted');
        return;
      case 'gone':
      case 'forbidden':
        finish(job, { state: outcome.status, at, detail: outcome.detail });
        log.warn({ ...fields(target, slot), outcome: outcome.status, detail: outcome.detail }, 'cannot post the digest to this channel; not retrying');
        // A subscription to a channel that no longer exists would fail every day: it is dropped.
        if (outcome.status === 'gone' && !options.channels.includes(target.channel) && subscriptions.unsubscribe(target.channel)) {
          log.warn({ channel: target.channel }, 'removed the digest subscription of a channel that is gone');
        }
        return;
      case 'failed':
        finish(job, { state: 'failed', at, detail: outcome.detail });
        log.error({ ...fields(target, slot), detail: outcome.detail }, 'the platform refused the digest');
        return;
      case 'retryable': {
        const delay = retryDelaysMs[job.attempts - 1];
        if (outcome.ambiguous && target.poster.findPosted === undefined) {
          finish(job, { state: 'unknown', at, detail: outcome.detail });
          log.error({ ...fields(target, slot), detail: outcome.detail }, 'a digest post may have arrived and cannot be checked; not retrying, to avoid a duplicate');
          return;
        }
        if (delay === undefined || stopped) {
          finish(job, { state: 'failed', at, detail: outcome.detail });
          log.error({ ...fields(target, slot), attempts: job.attempts, detail: outcome.detail }, 'gave up posting the digest after repeated platform failures');
          return;
        }
        const wait = Math.min(Math.max(delay, outcome.retryAfterMs ?? 0), claimLeaseMs / 2);
        job.lookFirst ||= outcome.ambiguous;
        log.warn({ ...fields(target, slot), attempts: job.attempts, retryInMs: wait, detail: outcome.detail }, 'platform failure; will retry the digest');
        later(new Date(at.getTime() + wait), () => track(attempt(job)));
        return;
      }
    }
  };

  const deliver = async (channel: string, slot: Date): Promise<void> => {
    const target = targetOf(channel);
    if (target === null) return;
    const claim = deliveries.claim(channel, slot, instanceId, clock.now());
    if (claim.claimed) {
      await attempt({ target, slot, attempts: 0, digest: null, composedAt: null, lookFirst: false });
      return;
    }
    if (claim.record.state === 'claimed' && claim.record.claimedBy !== instanceId) watch(claim.record);
    else log.debug({ ...fields(target, slot), state: claim.record.state }, 'digest slot already handled');
  };

  // Another process holds the claim: look again when its lease runs out, and settle it then if it is still open.
  const watch = (record: DeliveryRecord): void => {
    const key = `${record.channel} ${record.slot.toISOString()}`;
    if (watching.has(key)) return;
    watching.add(key);
    const check = () => {
      watching.delete(key);
      track(recover(record.channel, record.slot));
    };
    const due = new Date(record.claimedAt.getTime() + claimLeaseMs);
    if (clock.now() >= due) check();
    else later(due, check);
  };

  const recover = async (channel: string, slot: Date): Promise<void> => {
    const record = deliveries.get(channel, slot);
    if (record === null || record.state !== 'claimed' || record.claimedBy === instanceId) return;
    const now = clock.now();
    if (now.getTime() < record.claimedAt.getTime() + claimLeaseMs) {
      watch(record);
      return;
    }
    const target = targetOf(channel);
    if (target === null) return;
    if (!deliveries.takeOver(record, instanceId, now)) {
      const fresh = deliveries.get(channel, slot);
      if (fresh?.state === 'claimed' && fresh.claimedBy !== instanceId) watch(fresh);
      return;
    }
    log.warn({ ...fields(target, slot), heldBy: record.claimedBy, attempts: record.attempts }, 'settling a digest delivery another process left unfinished');
    const job: Job = { target, slot, attempts: record.attempts, digest: null, composedAt: null, lookFirst: false };
    const found = await lookup(target, slot);
    if (found?.status === 'found') {
      finish(job, { state: 'posted', at: clock.now(), messageId: found.messageId, detail: 'found on the platform after an interrupted delivery' });
      log.info({ ...fields(target, slot), messageId: found.messageId }, 'the interrupted digest had been posted; recorded it');
      return;
    }
    if (found === null || found.status === 'failed') {
      finish(job, { state: 'unknown', at: clock.now(), detail: found?.detail ?? 'the platform cannot be searched' });
      log.error({ ...fields(target, slot) }, 'cannot tell whether an interrupted digest was posted; not posting it again, to avoid a duplicate');
      return;
    }
    if (clock.now().getTime() - slot.getTime() > missedWindowMs) {
      finish(job, { state: 'skipped', at: clock.now(), detail: 'interrupted and not posted; too late to post now' });
      log.warn({ ...fields(target, slot) }, 'an interrupted digest never went out and its slot is too old to post now; skipped');
      return;
    }
    await attempt(job);
  };

  const runSlot = (slot: Date): void => {
    const now = clock.now();
    const lateMs = now.getTime() - slot.getTime();
    for (const channel of channelsFor(slot)) {
      if (lateMs > missedWindowMs) {
        if (deliveries.recordSkipped(channel, slot, instanceId, now, `missed by ${Math.round(lateMs / 60_000)} minutes`)) {
          log.warn({ channel, slot: slot.toISOString(), lateMinutes: Math.round(lateMs / 60_000) }, 'missed digest slot is too old to post; skipped');
        }
        continue;
      }
      track(deliver(channel, slot));
    }
  };

  const arm = (after: Date): void => {
    armedSlot = schedule.next(after);
    if (armedSlot === null || stopped) return;
    slotTimer = clock.setTimer(armedSlot, () => {
      slotTimer = undefined;
      if (stopped) return;
      const now = clock.now();
      // A timer that fires late (a suspended machine) runs the latest slot, subject to the missed-slot rule.
      const slot = schedule.latest(now);
      if (slot !== null) runSlot(slot);
      arm(now);
    });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      const now = clock.now();
      const startedAt = deliveries.scheduleStartedAt(schedule.key, now);
      for (const record of deliveries.openClaims()) if (record.claimedBy !== instanceId) watch(record);
      const latest = schedule.latest(now);
      // Slots before this schedule first ran against the store were never due, so they are not "missed".
      if (latest !== null && latest.getTime() >= startedAt.getTime()) runSlot(latest);
      arm(now);
      log.info({ schedule: schedule.pattern, timeZone: schedule.timeZone, next: armedSlot?.toISOString() ?? null }, 'digest schedule armed');
    },
    stop() {
      stopped = true;
      if (slotTimer !== undefined) clock.clearTimer(slotTimer);
      slotTimer = undefined;
      for (const id of timers) clock.clearTimer(id);
      timers.clear();
      watching.clear();
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    nextSlot: () => (stopped ? null : armedSlot),
  };
}
