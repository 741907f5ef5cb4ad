/** One numbered source of a digest: the exact sentence and the article it stands in. */
export type DigestCitation = {
  /** The number used by the digest's `[n]` markers, from 1, shared across all sections. */
  n: number;
  /** The article's file name inside the corpus folder. */
  document: string;
  /** The outlet, or null when unknown. */
  source: string | null;
  /** The cited sentence exactly as the article has it. */
  passage: string;
  /** The article's date as YYYY-MM-DD, or null when unknown. */
  date: string | null;
  /** The article's headline, or null when unknown. */
  title: string | null;
};

/** One bullet of a digest: a sentence from the coverage (shortened where long) and every article that carries it. */
export type DigestItem = {
  text: string;
  citations: DigestCitation[];
};

/** Which part of the digest a section is. */
export type DigestSectionKind = 'key' | 'new' | 'upcoming';

/** One titled part of a digest; a section with no items says why in its `note`. */
export type DigestSection = {
  kind: DigestSectionKind;
  title: string;
  items: DigestItem[];
  /** One line shown instead of items, such as "Nothing new since…"; null when the section has items. */
  note: string | null;
};

/** A composed digest: the plain-text rendering and the structure adapters render from. */
export type Digest = {
  /** The whole digest as plain text: header, sections with `[n]` markers, then the numbered sources. */
  text: string;
  /** The header line: "Story digest · <date time zone> · N articles from M outlets". */
  header: string;
  sections: DigestSection[];
};

/** How one attempt to post a digest to a channel ended, as a value. */
export type PostOutcome =
  /** The platform accepted the message. */
  | { status: 'posted'; messageId: string }
  /** The channel does not exist any more (deleted, archived, unknown). */
  | { status: 'gone'; detail: string }
  /** The bot may not post there (not a member, missing permissions). */
  | { status: 'forbidden'; detail: string }
  /**
   * The platform failed in a way worth retrying (server error, rate limit, network). `ambiguous` is true when the
   * message may have arrived anyway (the request was sent but no answer came back).
   */
  | { status: 'retryable'; detail: string; ambiguous: boolean; retryAfterMs?: number }
  /** The platform refused the message for good (a malformed message); retrying would not help. */
  | { status: 'failed'; detail: string };

/** What identifies one scheduled delivery, carried with the post so it can be found on the platform later. */
export type DeliveryMarker = {
  /** A stable key for (channel, slot), such as `storybot-digest:slack:C1:2026-03-08T07:00:00.000Z`. */
  key: string;
  /** The scheduled slot the digest is for. */
  slot: Date;
};

/** What a lookup of an earlier delivery found. */
export type LookupOutcome = { status: 'found'; messageId: string } | { status: 'not-found' } | { status: 'failed'; detail: string };

/** A chat platform's way of posting a digest; each adapter implements it. */
export interface DigestPoster {
  /** Posts a digest to a channel (the platform's own channel id), carrying the delivery's marker; never throws. */
  post(channelId: string, digest: Digest, marker: DeliveryMarker): Promise<PostOutcome>;
  /**
   * Looks in the channel's recent messages for one this bot posted with the marker's key, to settle whether a
   * delivery interrupted by a crash went out. Optional: without it such a delivery is never re-posted.
   */
  findPosted?(channelId: string, marker: DeliveryMarker): Promise<LookupOutcome>;
}

/** Where a scheduled delivery stands in the store. */
export type DeliveryState = 'claimed' | 'posted' | 'gone' | 'forbidden' | 'failed' | 'skipped' | 'unknown';

/** One row of the delivery log: a digest for one channel and one slot. */
export type DeliveryRecord = {
  channel: string;
  slot: Date;
  state: DeliveryState;
  claimedAt: Date;
  /** The scheduler instance that holds (or held) the claim. */
  claimedBy: string;
  attempts: number;
  /** When the digest's content was composed: "what's new" in the next digest starts here. */
  composedAt: Date | null;
  postedAt: Date | null;
  messageId: string | null;
  detail: string | null;
};

/** The outcome of trying to claim a delivery: the claim is ours, or someone already holds or finished it. */
export type ClaimResult = { claimed: true; record: DeliveryRecord } | { claimed: false; record: DeliveryRecord };

/** The durable log of scheduled deliveries, keyed by (channel, slot); the store implements it. */
export interface DeliveryLog {
  /** Claims (channel, slot) for `by` unless a record exists, atomically across processes sharing the store. */
  claim(channel: string, slot: Date, by: string, at: Date): ClaimResult;
  /** The record of (channel, slot), if any. */
  get(channel: string, slot: Date): DeliveryRecord | null;
  /** Moves an abandoned claim to `by`, only if it is still exactly `stale` (so two recoverers cannot both win). */
  takeOver(stale: DeliveryRecord, by: string, at: Date): boolean;
  /** Notes an attempt on a claim `by` holds: the attempt count, when the content was composed, and a heartbeat. */
  noteAttempt(channel: string, slot: Date, by: string, update: { at: Date; attempts: number; composedAt: Date }): void;
  /** Ends a claim `by` holds with its final state; false when the claim is no longer `by`'s. */
  finish(channel: string, slot: Date, by: string, end: { state: Exclude<DeliveryState, 'claimed'>; at: Date; messageId?: string | null; detail?: string | null }): boolean;
  /** Records a slot that will not be posted (missed too long ago) unless a record exists; true when recorded. */
  recordSkipped(channel: string, slot: Date, by: string, at: Date, detail: string): boolean;
  /** Every delivery still claimed (in flight, or left behind by a process that stopped), oldest first. */
  openClaims(): DeliveryRecord[];
  /** When the last digest posted to the channel was composed, or null when none was. */
  lastDelivered(channel: string): Date | null;
  /** When the last digest posted to any channel was composed, or null. */
  lastDeliveredAnywhere(): Date | null;
}

/** A channel that asked for digests, as `discord:<id>` or `slack:<id>`. */
export type Subscription = { channel: string; createdAt: Date };

/** The channels that opted in to digests; the store implements it. */
export interface SubscriptionList {
  /** Adds a channel; false when it was already subscribed. */
  subscribe(channel: string, at: Date): boolean;
  /** Removes a channel; false when it was not subscribed. */
  unsubscribe(channel: string): boolean;
  /** The subscription of a channel, or null. */
  get(channel: string): Subscription | null;
  /** Every subscription, oldest first. */
  list(): Subscription[];
}
