import type { Database } from 'better-sqlite3';
import type { ClaimResult, DeliveryLog, DeliveryRecord, DeliveryState } from '../digest/types.js';

type Row = {
  channel: string;
  slot: string;
  state: DeliveryState;
  claimed_at: string;
  claimed_by: string;
  attempts: number;
  composed_at: string | null;
  posted_at: string | null;
  message_id: string | null;
  detail: string | null;
};

/** The delivery log over the store's `digest_posts` table, plus the first-start record of each schedule in `meta`. */
export function createSqliteDeliveryLog(db: Database): DeliveryLog & { scheduleStartedAt(scheduleKey: string, at: Date): Date } {
  const insertClaim = db.prepare<[string, string, string, string]>(
    `INSERT INTO digest_posts (channel, slot, state, claimed_at, claimed_by) VALUES (?, ?, 'claimed', ?, ?)
     ON CONFLICT (channel, slot) DO NOTHING`,
  );
  const insertSkipped = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO digest_posts (channel, slot, state, claimed_at, claimed_by, detail) VALUES (?, ?, 'skipped', ?, ?, ?)
     ON CONFLICT (channel, slot) DO NOTHING`,
  );
  const select = db.prepare<[string, string], Row>('SELECT * FROM digest_posts WHERE channel = ? AND slot = ?');
  const takeOver = db.prepare<[string, string, string, string, string, string]>(
    `UPDATE digest_posts SET claimed_by = ?, claimed_at = ?
     WHERE channel = ? AND slot = ? AND state = 'claimed' AND claimed_by = ? AND claimed_at = ?`,
  );
  const noteAttempt = db.prepare<[number, string, string, string, string, string]>(
    `UPDATE digest_posts SET attempts = ?, composed_at = ?, claimed_at = ?
     WHERE channel = ? AND slot = ? AND claimed_by = ? AND state = 'claimed'`,
  );
  const finish = db.prepare<[string, string | null, string | null, string | null, string, string, string]>(
    `UPDATE digest_posts SET state = ?, posted_at = ?, message_id = ?, detail = ?
     WHERE channel = ? AND slot = ? AND claimed_by = ? AND state = 'claimed'`,
  );
  const openClaims = db.prepare<[], Row>("SELECT * FROM digest_posts WHERE state = 'claimed' ORDER BY slot, channel");
  const lastDelivered = db.prepare<[string], { at: string | null }>(
    `SELECT max(coalesce(composed_at, claimed_at)) AS at FROM digest_posts WHERE channel = ? AND state = 'posted'`,
  );
  const lastDeliveredAnywhere = db.prepare<[], { at: string | null }>(
    `SELECT max(coalesce(composed_at, claimed_at)) AS at FROM digest_posts WHERE state = 'posted'`,
  );
  const metaInsert = db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const metaSelect = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');

  // IMMEDIATE takes the write lock before reading, so a second process waits (busy_timeout) and then sees this claim.
  const claim = db.transaction((channel: string, slot: string, by: string, at: string): ClaimResult => {
    const inserted = insertClaim.run(channel, slot, at, by).changes === 1;
    const row = select.get(channel, slot);
    if (row === undefined) throw new Error(`sqlite-delivery-log: claim of ${channel} at ${slot} left no row`);
    return { claimed: inserted, record: toRecord(row) };
  });
  const startedAt = db.transaction((key: string, at: string): string => {
    metaInsert.run(key, at);
    return metaSelect.get(key)?.value ?? at;
  });

  return {
    claim: (channel, slot, by, at) => claim.immediate(channel, slot.toISOString(), by, at.toISOString()),
    get(channel, slot) {
      const row = select.get(channel, slot.toISOString());
      return row === undefined ? null : toRecord(row);
    },
    takeOver: (stale, by, at) =>
      takeOver.run(by, at.toISOString(), stale.channel, stale.slot.toISOString(), stale.claimedBy, stale.claimedAt.toISOString()).changes === 1,
    noteAttempt(channel, slot, by, update) {
      noteAttempt.run(update.attempts, update.composedAt.toISOString(), update.at.toISOString(), channel, slot.toISOString(), by);
    },
    finish(channel, slot, by, end) {
      const postedAt = end.state === 'posted' ? end.at.toISOString() : null;
      return finish.run(end.state, postedAt, end.messageId ?? null, end.detail ?? null, channel, slot.toISOString(), by).changes === 1;
    },
    recordSkipped: (channel, slot, by, at, detail) => insertSkipped.run(channel, slot.toISOString(), at.toISOString(), by, detail).changes === 1,
    openClaims: () => openClaims.all().map(toRecord),
    lastDelivered: (channel) => toDate(lastDelivered.get(channel)?.at ?? null),
    lastDeliveredAnywhere: () => toDate(lastDeliveredAnywhere.get()?.at ?? null),
    scheduleStartedAt: (scheduleKey, at) => new Date(startedAt.immediate(`schedule-started:${scheduleKey}`, at.toISOString())),
  };
}

function toRecord(row: Row): DeliveryRecord {
  return {
    channel: row.channel,
    slot: new Date(row.slot),
    state: row.state,
    claimedAt: new Date(row.claimed_at),
    claimedBy: row.claimed_by,
    attempts: row.attempts,
    composedAt: toDate(row.composed_at),
    postedAt: toDate(row.posted_at),
    messageId: row.message_id,
    detail: row.detail,
  };
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
