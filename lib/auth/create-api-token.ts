import "server-only";

import { apiTokens } from "@/db/schema";

import { apiTokenPrefix, generateApiTokenSecret, hashApiTokenSecret } from "./api-token-secret";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import type { ApiTokenDeps } from "./deps";

/** Creates a personal token for a user. The secret is returned here once and never stored. */
export async function createApiToken(
  deps: ApiTokenDeps,
  input: { userId: string; name: string },
): Promise<{ token: ApiTokenView; secret: string }> {
  const secret = generateApiTokenSecret();
  const [row] = await deps.db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      tokenHash: hashApiTokenSecret(secret),
      tokenPrefix: apiTokenPrefix(secret),
    })
    .returning();
  return { token: toApiTokenView(row!), secret };
}
