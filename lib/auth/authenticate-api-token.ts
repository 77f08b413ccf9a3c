import "server-only";

import { and, eq, gt, isNull, lt, or } from "drizzle-orm";

import { apiTokens, users } from "@/db/schema";

import type { AccessDeps } from "./access-deps";
import { hashApiTokenSecret } from "./api-token-secret";
import { currentAccess } from "./current-access";
import type { Principal } from "./principal";

/** last_used_at is refreshed at most this often, so busy scripts do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer token to its owner, or null for an unknown, revoked or expired token, or an owner the
 * sign-in policy no longer lets in. The owner's role is decided now (config, not what sign-in stored).
 * The lookup is by hash: the database index does the comparison, and no stored value is ever secret.
 */
export async function authenticateApiToken(deps: AccessDeps, secret: string): Promise<Principal | null> {
  const now = new Date();
  const [row] = await deps.db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiTokenSecret(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return null;
  const access = await currentAccess(deps, row.user);
  if (!access) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // The row just read says whether the write is due: a busy script's calls skip the statement entirely.
  // The condition stays in the WHERE so that concurrent calls write once.
  if (!row.token.lastUsedAt || row.token.lastUsedAt < staleBefore) {
    await deps.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  }
  return {
    userId: row.user.id,
    login: row.user.login,
    name: row.user.name,
    role: access.role,
    via: "token",
    token: { id: row.token.id, scope: row.token.scope, expiresAt: row.token.expiresAt },
  };
}
