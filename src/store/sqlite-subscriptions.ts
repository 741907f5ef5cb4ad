import type { Database } from 'better-sqlite3';
import type { Subscription, SubscriptionList } from '../digest/types.js';

/** The subscription list over the store's `subscriptions` table. */
export function createSqliteSubscriptions(db: Database): SubscriptionList {
  const insert = db.prepare<[string, string]>('INSERT INTO subscriptions (channel, created_at) VALUES (?, ?) ON CONFLICT (channel) DO NOTHING');
  const remove = db.prepare<[string]>('DELETE FROM subscriptions WHERE channel = ?');
  const select = db.prepare<[string], { channel: string; created_at: string }>('SELECT channel, created_at FROM subscriptions WHERE channel = ?');
  const all = db.prepare<[], { channel: string; created_at: string }>('SELECT channel, created_at FROM subscriptions ORDER BY created_at, channel');
  const toSubscription = (row: { channel: string; created_at: string }): Subscription => ({ channel: row.channel, createdAt: new Date(row.created_at) });
  return {
    subscribe: (channel, at) => insert.run(channel, at.toISOString()).changes === 1,
    unsubscribe: (channel) => remove.run(channel).changes === 1,
    get(channel) {
      const row = select.get(channel);
      return row === undefined ? null : toSubscription(row);
    },
    list: () => all.all().map(toSubscription),
  };
}
