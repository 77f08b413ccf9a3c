import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import { apiTokens } from "@/db/schema";
import { notFound } from "@/lib/errors";

import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import type { ApiTokenDeps } from "./deps";

/** Revokes one of the user's own tokens; revoking twice keeps the first revocation time. */
export async function revokeApiToken(deps: ApiTokenDeps, input: { userId: string; tokenId: string }): Promise<ApiTokenView> {
  const owned = and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId));
  const [revoked] = await deps.db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(owned, isNull(apiTokens.revokedAt)))
    .returning();
  if (revoked) return toApiTokenView(revoked);
  const [existing] = await deps.db.select().from(apiTokens).where(owned);
  if (!existing) throw notFound("API token");
  return toApiTokenView(existing);
}
