import "server-only";

import { desc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { apiTokens } from "@/db/schema";

import { toApiTokenView, type ApiTokenView } from "./api-token-view";

/** A user's tokens, newest first, revoked ones included so the history stays visible. */
export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenView[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toApiTokenView);
}
