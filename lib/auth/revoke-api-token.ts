import "server-only";

import { and, eq, isNull, type SQL } from "drizzle-orm";

import { apiTokens } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";

import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import type { ApiTokenDeps } from "./deps";

/**
 * Revokes a token: one of `userId`'s own, or (`anyOwner`, for admins) anybody's. Revoking twice keeps the first
 * revocation time. The revocation and its audit entry commit together.
 */
export async function revokeApiToken(
  deps: ApiTokenDeps,
  input: { tokenId: string; userId: string; login?: string | null; anyOwner?: boolean; origin?: RequestOrigin },
): Promise<ApiTokenView> {
  const which: SQL | undefined = input.anyOwner
    ? eq(apiTokens.id, input.tokenId)
    : and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId));
  return deps.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(which, isNull(apiTokens.revokedAt)))
      .returning();
    if (revoked) {
      await recordAuditEvent(tx, {
        actor: { userId: input.userId, login: input.login ?? null },
        action: "api_token.revoked",
        target: `api_token:${revoked.id}`,
        details: { owner_user_id: revoked.userId, name: revoked.name, prefix: revoked.tokenPrefix },
        ...input.origin,
      });
      return toApiTokenView(revoked);
    }
    const [existing] = await tx.select().from(apiTokens).where(which);
    if (!existing) throw notFound("API token");
    return toApiTokenView(existing);
  });
}
