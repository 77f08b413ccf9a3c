import "server-only";

import type { z } from "zod";

import type { ApiToken } from "@/db/schema";
import type { apiTokenView } from "@/lib/openapi/user-schemas";

/** A token as the API shows it: never the hash. */
export type ApiTokenView = z.output<typeof apiTokenView>;

export function toApiTokenView(row: ApiToken): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    scope: row.scope,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
