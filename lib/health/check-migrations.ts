import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";

import type { Database } from "@/db";
import { MIGRATIONS_FOLDER, queryRows } from "@/db/client";

/**
 * The newest committed migration's `when` (drizzle-kit's journal). drizzle's migrator records it as
 * `created_at` in drizzle.__drizzle_migrations, so that row existing means every migration was applied.
 */
function readLatestMigrationMillis(): number {
  const journal: { entries: { when: number }[] } = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
  return Math.max(...journal.entries.map((entry) => entry.when));
}

// The journal ships with the build and cannot change while the process runs: read it once, not per probe.
let latestMigrationMillis: number | undefined;

/** Whether the database has recorded the latest migration in db/migrations; throws when the query fails. */
export async function latestMigrationApplied(db: Database): Promise<boolean> {
  const rows = await queryRows<{ latest: string | number | null }>(
    db,
    sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
  );
  const latest = rows[0]?.latest;
  return latest !== null && latest !== undefined && Number(latest) >= (latestMigrationMillis ??= readLatestMigrationMillis());
}
