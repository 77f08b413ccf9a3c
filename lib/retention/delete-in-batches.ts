import "server-only";

import { and, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import type { Database } from "@/db";

/**
 * Deletes the rows of `table` matching `where`, `batchSize` rows per statement, so a large backlog never
 * holds one long lock. Rows are picked by ctid (any table, whatever its key) and `where` is checked again
 * as each is deleted, so a row that changed meanwhile (a run retried, say) is left alone. Returns how
 * many rows went.
 */
export async function deleteInBatches(db: Database, table: PgTable, where: SQL, batchSize = 1000): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = db
      .select({ ctid: sql`ctid` })
      .from(table)
      .where(where)
      .limit(batchSize);
    const deleted = await db
      .delete(table)
      .where(and(sql`ctid = any(array(${batch}))`, where))
      .returning({ one: sql`1` });
    removed += deleted.length;
    if (deleted.length < batchSize) return removed;
  }
}
