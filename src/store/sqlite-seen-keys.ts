import type { Database } from 'better-sqlite3';

/** Keys of incoming chat events already handled, kept durably so a retry after a restart is still recognised. */
export interface SeenKeys {
  /** Records the keys and returns true when none of them was seen within the retention period, false for a repeat. */
  claim(keys: readonly string[], at: Date): boolean;
}

/** Options for {@link createSqliteSeenKeys}. */
export type SeenKeysOptions = {
  /** How long a key is remembered, in milliseconds; defaults to one day (Slack retries within minutes). */
  retentionMs?: number;
};

/** The seen-keys record over the store's `seen_keys` table; old keys are pruned as new ones arrive. */
export function createSqliteSeenKeys(db: Database, { retentionMs = 86_400_000 }: SeenKeysOptions = {}): SeenKeys {
  const prune = db.prepare<[string]>('DELETE FROM seen_keys WHERE seen_at < ?');
  const insert = db.prepare<[string, string]>('INSERT INTO seen_keys (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const claim = db.transaction((keys: readonly string[], at: Date): boolean => {
    prune.run(new Date(at.getTime() - retentionMs).toISOString());
    let fresh = true;
    for (const key of keys) if (insert.run(key, at.toISOString()).changes === 0) fresh = false;
    return fresh;
  });
  return { claim: (keys, at) => claim.immediate(keys, at) };
}
