import "server-only";

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type above the driver: PGlite and postgres.js both produce it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handed to `db.transaction`'s callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What a function that may run inside the caller's transaction takes: the database or that transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** Applies the committed drizzle-kit migrations. */
  migrate(): Promise<void>;
  /** Calls onNotify with each NOTIFY payload on the channel until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent, PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}

/** Opens the configured engine. Everything above this function is driver-agnostic. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openPglite(path.resolve(options.dataDir, "pglite"), path.resolve(options.dataDir));
}

async function openPglite(pgDir: string, dataDir: string): Promise<DatabaseHandle> {
  const release = lockDataDir(dataDir);
  try {
    fs.mkdirSync(pgDir, { recursive: true });
    if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) await initialisePgliteApart(pgDir);
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(pgDir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
    return pgliteHandle(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite runs inside the server process, and its memory (WebAssembly) only grows: 128 MB of shared
 * buffers alone was a third of an idle demo server. A small database needs little; the operating
 * system's page cache still holds the files.
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=16MB"];

/**
 * A new data directory is initialised (initdb) in a short-lived child process: done in the server, it
 * leaves some 300 MB of WebAssembly memory behind that V8 does not give back while the server is idle.
 */
async function initialisePgliteApart(pgDir: string) {
  const script = 'const { PGlite } = await import("@electric-sql/pglite"); await (await PGlite.create(process.argv[1])).close();';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, pgDir], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`PGlite could not initialise ${pgDir}: ${stderr}`))));
  });
}

/** Wraps an open PGlite instance (also used by tests, which load a migrated template). */
export async function pgliteHandle(client: import("@electric-sql/pglite").PGlite, onClose: () => void = () => {}): Promise<DatabaseHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    async close() {
      await client.close();
      onClose();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 5 });
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    migrate: () => migratePostgres(url),
    async listen(channel, onNotify) {
      // postgres.js keeps one dedicated connection for LISTEN and re-listens after it reconnects.
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Several app processes may start at once against one server: an advisory lock serialises migrations. */
async function migratePostgres(url: string) {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(hashtext('hooksmith:migrations'))`);
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(hashtext('hooksmith:migrations'))`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Rows of a raw query: PGlite answers `{ rows }`, postgres.js an array; callers see one shape. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
