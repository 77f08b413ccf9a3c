import "server-only";

import { and, eq, isNull, lt, or } from "drizzle-orm";

import type { Database } from "@/db";
import { apiTokens, users } from "@/db/schema";

import { hashApiTokenSecret } from "./api-token-secret";
import type { Principal } from "./principal";

/** last_used_at is refreshed at most this often, so busy scripts do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer token to its owner, or null for an unknown or revoked token.
 * The lookup is by hash: the database index does the comparison, and no stored value is ever secret.
 */
export async function authenticateApiToken(db: Database, secret: string): Promise<Principal | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: users.id,
      login: users.login,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiTokenSecret(secret)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const now = new Date();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
      ),
    );
  return { ...row, via: "token" };
}
