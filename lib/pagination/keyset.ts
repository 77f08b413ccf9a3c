import "server-only";

import { sql, type AnyColumn, type SQL } from "drizzle-orm";

import { encodeCursor, type Cursor } from "./cursor";

/**
 * Rows strictly after the cursor in (created_at desc, id desc) order. A row comparison, not
 * `a < x OR (a = x AND id < y)`: PostgreSQL seeks the (created_at, id) index with it, so a deep page
 * costs what the first one does.
 */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${createdAt}, ${id}) < (${new Date(cursor.at).toISOString()}::timestamptz, ${cursor.id})`;
}

/** One page from `limit + 1` fetched rows: the extra row only tells whether there is a next page. */
export function keysetPage<Row extends { id: string; createdAt: Date }, View>(
  rows: Row[],
  limit: number,
  view: (row: Row) => View,
): { data: View[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(view),
    next_cursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
