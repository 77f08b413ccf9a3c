import "server-only";

import { and, desc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";

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

/** `column = value` when the filter is set; an unset filter (undefined) filters nothing. */
export function equalsWhenSet(column: AnyColumn, value: string | undefined): SQL | undefined {
  return value === undefined ? undefined : eq(column, value);
}

/**
 * Every list's query shape in one place: the conditions that are set, rows after the cursor, newest first,
 * and one row more than a page (so `keysetPage` knows whether another page follows).
 */
export function newestFirst<Query extends PgSelect>(
  query: Query,
  keys: { createdAt: AnyColumn; id: AnyColumn },
  page: { cursor?: Cursor; limit: number },
  conditions: (SQL | undefined)[] = [],
) {
  return query
    .where(and(...conditions, afterCursor(keys.createdAt, keys.id, page.cursor)))
    .orderBy(desc(keys.createdAt), desc(keys.id))
    .limit(page.limit + 1);
}
