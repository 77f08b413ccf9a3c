import "server-only";

import { apiTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";

import type { ApiTokenScope } from "./api-token-scopes";
import { apiTokenPrefix, generateApiTokenSecret, hashApiTokenSecret } from "./api-token-secret";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import type { ApiTokenDeps } from "./deps";
import type { Principal } from "./principal";

/**
 * Creates a personal token for the caller. The secret is returned here once and never stored.
 * A token may mint only tokens with no more rights than itself: a read-only token none at all (the
 * API handler refuses its writes), a token that expires only tokens that expire no later.
 */
export async function createApiToken(
  deps: ApiTokenDeps,
  input: {
    userId: string;
    name: string;
    scope?: ApiTokenScope;
    expiresAt?: Date | null;
    /** The token the request came with, when a script (not a person) asks. */
    mintedBy?: Principal["token"];
  },
): Promise<{ token: ApiTokenView; secret: string }> {
  const { scope = "write", expiresAt = null, mintedBy: minting } = input;
  if (minting?.scope === "read" && scope !== "read") {
    throw new AppError(403, "token_escalation", "A read-only token cannot create a read-write token");
  }
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError(400, "validation_error", "expires_at: must be in the future");
  }
  if (minting?.expiresAt && (!expiresAt || expiresAt > minting.expiresAt)) {
    throw new AppError(
      403,
      "token_escalation",
      `This token expires at ${minting.expiresAt.toISOString()}: a token it creates must expire no later`,
    );
  }
  const secret = generateApiTokenSecret();
  const [row] = await deps.db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      tokenHash: hashApiTokenSecret(secret),
      tokenPrefix: apiTokenPrefix(secret),
      scope,
      expiresAt,
    })
    .returning();
  return { token: toApiTokenView(row!), secret };
}
