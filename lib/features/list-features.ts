import "server-only";

import { ilike, or } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type FeatureStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

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
  const rows = await newestFirst(db.select().from(features).$dynamic(), features, input, [
    equalsWhenSet(features.status, input.status),
    pattern ? or(ilike(features.name, pattern), ilike(features.repository, pattern)) : undefined,
  ]);
  return keysetPage(rows, input.limit, toFeatureView);
}
