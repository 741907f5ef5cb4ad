import type { Clock } from '../clock.js';
import type { DigestSchedule } from './schedule.js';
import type { DeliveryLog, Digest, SubscriptionList } from './types.js';

/** What a subscribe or unsubscribe command did, for the adapter to word. */
export type SubscriptionChange = {
  status: 'subscribed' | 'already-subscribed' | 'unsubscribed' | 'not-subscribed' | 'configured';
  /** The schedule digests follow, or null when DIGEST_SCHEDULE is not set (nothing is posted until it is). */
  schedule: { pattern: string; timeZone: string; next: Date | null } | null;
};

/** What chat commands need for digests: the digest a channel would get now, and opting in and out. */
export interface DigestDesk {
  /** The digest for a channel (`discord:<id>` or `slack:<id>`) as of now; "new" is since its last posted digest, or anyone's. */
  current(channel: string): Promise<Digest>;
  /** Adds the channel to the subscribers. */
  subscribe(channel: string): SubscriptionChange;
  /** Removes the channel from the subscribers; channels set in DIGEST_CHANNELS cannot opt out here. */
  unsubscribe(channel: string): SubscriptionChange;
}

/** Options for {@link createDigestDesk}. */
export type DigestDeskOptions = {
  clock: Clock;
  deliveries: Pick<DeliveryLog, 'lastDelivered' | 'lastDeliveredAnywhere'>;
  subscriptions: SubscriptionList;
  /** Channels set in DIGEST_CHANNELS. */
  channels: readonly string[];
  /** The schedule, or null when none is set. */
  schedule: DigestSchedule | null;
  /** Composes a channel's digest; may be asynchronous (the story is read in the story engine). */
  compose(channel: string, since: Date | null, now: Date): Digest | Promise<Digest>;
};

/** Creates the {@link DigestDesk} over the store's subscriptions and delivery log; showing a digest records nothing. */
export function createDigestDesk(options: DigestDeskOptions): DigestDesk {
  const { clock, subscriptions } = options;
  const scheduleInfo = () =>
    options.schedule === null
      ? null
      : { pattern: options.schedule.pattern, timeZone: options.schedule.timeZone, next: options.schedule.next(clock.now()) };
  return {
    async current(channel) {
      const now = clock.now();
      // A channel that never had a digest sees what is new since the last one any channel got.
      const since = options.deliveries.lastDelivered(channel) ?? options.deliveries.lastDeliveredAnywhere();
      return options.compose(channel, since, now);
    },
    subscribe(channel) {
      if (options.channels.includes(channel)) return { status: 'configured', schedule: scheduleInfo() };
      const added = subscriptions.subscribe(channel, clock.now());
      return { status: added ? 'subscribed' : 'already-subscribed', schedule: scheduleInfo() };
    },
    unsubscribe(channel) {
      if (options.channels.includes(channel)) return { status: 'configured', schedule: scheduleInfo() };
      const removed = subscriptions.unsubscribe(channel);
      return { status: removed ? 'unsubscribed' : 'not-subscribed', schedule: scheduleInfo() };
    },
  };
}

/** One plain sentence saying what a subscription command did and when the next digest comes. */
export function describeSubscriptionChange(change: SubscriptionChange, formatInstant: (at: Date, timeZone: string) => string): string {
  const when =
    change.schedule === null
      ? 'no digest schedule is set yet (DIGEST_SCHEDULE), so nothing is posted until an admin sets one'
      : change.schedule.next === null
        ? `the schedule "${change.schedule.pattern}" has no more slots`
        : `the next digest is due ${formatInstant(change.schedule.next, change.schedule.timeZone)}`;
  switch (change.status) {
    case 'subscribed':
      return `This channel is now subscribed to the story digest; ${when}.`;
    case 'already-subscribed':
      return `This channel is already subscribed to the story digest; ${when}.`;
    case 'unsubscribed':
      return 'This channel will no longer get the story digest.';
    case 'not-subscribed':
      return 'This channel was not subscribed to the story digest.';
    case 'configured':
      return "This channel gets the story digest from the bot's settings (DIGEST_CHANNELS); an admin can change that.";
  }
}
