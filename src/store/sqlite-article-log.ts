import type { Database } from 'better-sqlite3';
import type { ArticleLog } from '../live-story.js';

type Row = { document: string; content_hash: string; first_seen: string; removed_at: string | null };

/** The article log over the store's `articles` table: when each document was first seen, last seen and removed. */
export function createSqliteArticleLog(db: Database): ArticleLog {
  const select = db.prepare<[string], Row>('SELECT document, content_hash, first_seen, removed_at FROM articles WHERE document = ?');
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO articles (document, content_hash, first_seen, last_seen) VALUES (?, ?, ?, ?)',
  );
  const update = db.prepare<[string, string, string, string]>(
    'UPDATE articles SET content_hash = ?, first_seen = ?, last_seen = ?, removed_at = NULL WHERE document = ?',
  );
  const markRemoved = db.prepare<[string, string]>('UPDATE articles SET removed_at = ? WHERE document = ? AND removed_at IS NULL');
  const firstSeen = db.prepare<[string], { first_seen: string }>('SELECT first_seen FROM articles WHERE document = ? AND removed_at IS NULL');

  const recordPresent = db.transaction((entries: readonly { document: string; contentHash: string }[], at: string) => {
    for (const { document, contentHash } of entries) {
      const row = select.get(document);
      if (row === undefined) {
        insert.run(document, contentHash, at, at);
        continue;
      }
      // A file that comes back after removal with other content is another article under an old name: new again.
      const reborn = row.removed_at !== null && row.content_hash !== contentHash;
      update.run(contentHash, reborn ? at : row.first_seen, at, document);
    }
  });
  const recordRemoved = db.transaction((documents: readonly string[], at: string) => {
    for (const document of documents) markRemoved.run(at, document);
  });

  return {
    recordPresent: (entries, at) => recordPresent.immediate(entries, at.toISOString()),
    recordRemoved: (documents, at) => recordRemoved.immediate(documents, at.toISOString()),
    firstSeen(document) {
      const row = firstSeen.get(document);
      return row === undefined ? null : new Date(row.first_seen);
    },
  };
}
