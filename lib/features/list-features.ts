import "server-only";

import { and, desc, eq, ilike, or } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type FeatureStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";

import { toFeatureView } from "./feature-view";

export interface ListFeaturesInput {
  status?: FeatureStatus;
  /** Matches name or repository, case-insensitively. */
  q?: string;
  cursor?: Cursor;
  limit: number;
}

/** Features, newest first, by keyset pages. */
export async function listFeatures(db: Database, input: ListFeaturesInput) {
  const pattern = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select()
    .from(features)
    .where(
      and(
        input.status ? eq(features.status, input.status) : undefined,
        pattern ? or(ilike(features.name, pattern), ilike(features.repository, pattern)) : undefined,
        afterCursor(features.createdAt, features.id, input.cursor),
      ),
    )
    .orderBy(desc(features.createdAt), desc(features.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, toFeatureView);
}
