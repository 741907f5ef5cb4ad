import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openStore, storeFileName, type Store } from '../../src/store/open-store.js';

/** Temporary folders, stores and migrated databases for a test file, all closed and removed after each test. */
export function useTempStores(prefix: string) {
  const folders: string[] = [];
  const stores: Store[] = [];
  const databases: Database.Database[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    for (const db of databases.splice(0)) db.close();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
  return {
    tempDir,
    /** Opens the store in a folder, as storybot does. */
    open(dir: string, conversationTtlMs?: number): Store {
      const opened = openStore({ dir, ...(conversationTtlMs === undefined ? {} : { conversationTtlMs }) });
      if (!opened.ok) throw new Error(opened.message);
      stores.push(opened.store);
      return opened.store;
    },
    /** A database in a new folder with every migration applied. */
    migratedDatabase(): Database.Database {
      const db = new Database(join(tempDir(), storeFileName));
      for (const migration of migrations) migration.up(db);
      databases.push(db);
      return db;
    },
  };
}
