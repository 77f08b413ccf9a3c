import "server-only";

import { and, eq, isNull, ne } from "drizzle-orm";

import { apiTokens, users } from "@/db/schema";

import { apiTokenPrefix, hashApiTokenSecret } from "./api-token-secret";
import type { ApiTokenDeps } from "./deps";

/** The admin principal that ADMIN_API_TOKEN authenticates as; never signs in through GitHub. */
export const AUTOMATION_LOGIN = "hooksmith-automation";
const TOKEN_NAME = "ADMIN_API_TOKEN";

/**
 * Makes ADMIN_API_TOKEN a working admin token: stores its hash for the automation user, and revokes
 * the one a previous value created, so changing the variable rotates the token.
 */
export async function ensureAdminApiToken(deps: ApiTokenDeps, input: { secret: string }): Promise<void> {
  const { secret } = input;
  const tokenHash = hashApiTokenSecret(secret);
  await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ login: AUTOMATION_LOGIN, name: "Automation (ADMIN_API_TOKEN)", role: "admin" })
      .onConflictDoUpdate({ target: users.login, set: { role: "admin" } })
      .returning({ id: users.id });
    const userId = user!.id;
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiTokens.userId, userId), eq(apiTokens.name, TOKEN_NAME), ne(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)),
      );
    await tx
      .insert(apiTokens)
      .values({ userId, name: TOKEN_NAME, tokenHash, tokenPrefix: apiTokenPrefix(secret) })
      .onConflictDoUpdate({ target: apiTokens.tokenHash, set: { revokedAt: null, userId } });
  });
}
