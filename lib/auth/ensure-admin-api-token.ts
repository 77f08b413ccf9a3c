import "server-only";

import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";

import { apiTokens, users } from "@/db/schema";

import { apiTokenPrefix, hashApiTokenSecret } from "./api-token-secret";
import type { ApiTokenDeps } from "./deps";

/**
 * The principal ADMIN_API_TOKEN authenticates as. It is known by this fixed id, never by a login: GitHub
 * sign-ins get random ids, so nobody can become it by registering a GitHub login (it has none).
 */
export const AUTOMATION_USER_ID = "hooksmith-automation";
/** The login older versions gave the automation user; a GitHub user may own it, so it means nothing now. */
const LEGACY_AUTOMATION_LOGIN = "hooksmith-automation";
const TOKEN_NAME = "ADMIN_API_TOKEN";

/**
 * Makes ADMIN_API_TOKEN a working admin token: stores its hash for the automation user, and revokes
 * the one a previous value created, so changing the variable rotates the token. A token of that name
 * held by anyone else (the automation user of older versions, found by login) is revoked too.
 */
export async function ensureAdminApiToken(deps: ApiTokenDeps, input: { secret: string }): Promise<void> {
  const { secret } = input;
  const tokenHash = hashApiTokenSecret(secret);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id: AUTOMATION_USER_ID, login: null, name: "Automation (ADMIN_API_TOKEN)", role: "admin" })
      .onConflictDoUpdate({ target: users.id, set: { role: "admin", login: null } });
    const legacy = tx.select({ id: users.id }).from(users).where(eq(users.login, LEGACY_AUTOMATION_LOGIN));
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.name, TOKEN_NAME),
          isNull(apiTokens.revokedAt),
          or(and(eq(apiTokens.userId, AUTOMATION_USER_ID), ne(apiTokens.tokenHash, tokenHash)), inArray(apiTokens.userId, legacy)),
        ),
      );
    await tx
      .insert(apiTokens)
      .values({ userId: AUTOMATION_USER_ID, name: TOKEN_NAME, tokenHash, tokenPrefix: apiTokenPrefix(secret) })
      .onConflictDoUpdate({
        target: apiTokens.tokenHash,
        set: { revokedAt: null, userId: AUTOMATION_USER_ID, expiresAt: null, scope: "write" },
      });
  });
}
