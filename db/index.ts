import "server-only";

import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/server/process-singleton";

import { openDatabase, type Database, type DatabaseHandle, type Executor, type Transaction } from "./client";

export type { Database, DatabaseHandle, Executor, Transaction };

// One handle per process, shared by every bundle Next loads (instrumentation, routes, pages).
const current = processSingleton("hooksmith.database", (): { handle?: Promise<DatabaseHandle> } => ({}));

/** The process's database handle, opened and migrated on first use. A failed open is retried on the next call. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  current.handle ??= (async () => {
    const config = getConfig();
    const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const started = Date.now();
      await handle.migrate();
      log.info("database ready", { driver: handle.driver, migrate_ms: Date.now() - started });
      return handle;
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  })().catch((error: unknown) => {
    current.handle = undefined;
    throw error;
  });
  return current.handle;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Installs a handle for this process (tests use it to run handlers against their own database). */
export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  current.handle = handle ? Promise.resolve(handle) : undefined;
}
