import "server-only";

import { z } from "zod";

import { decodeCursor, pageSizeSchema } from "./cursor";

const page = z.object({
  cursor: z.string().optional().meta({ description: "The `next_cursor` of the previous page" }),
  limit: pageSizeSchema.meta({ description: "Items per page (1–200, 50 unless set)" }),
});

/**
 * The query of a list route: its own filters (each optional) plus `cursor` and `limit`. The parsed value
 * carries the decoded cursor (400 invalid_cursor when forged), and a filter sent empty (`?q=`) counts as
 * not sent. Use it as apiHandler's `query`.
 */
export function listQuery<Filters extends Record<string, z.ZodOptional>>(filters: Filters) {
  return z
    .object(filters)
    .and(page)
    .transform(({ cursor, limit, ...rest }) => ({ ...withoutBlanks(rest), cursor: decodeCursor(cursor), limit }));
}

function withoutBlanks<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === "") delete copy[key];
  return copy;
}
