import { index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { API_TOKEN_SCOPES } from "../../lib/auth/api-token-scopes";
import { users } from "./auth";
import { textBelongsTo, uuidPrimaryKey } from "./columns";

export const apiTokenScope = pgEnum("api_token_scope", API_TOKEN_SCOPES);

/** Personal API tokens. Only the SHA-256 of a token is stored; the token itself is shown once. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuidPrimaryKey(),
    userId: textBelongsTo("user_id", () => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so a person can tell their tokens apart. */
    tokenPrefix: text("token_prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** After this time the token no longer works; null: until revoked. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** read: GET requests only; write: everything its owner may do. */
    scope: apiTokenScope("scope").notNull().default("write"),
  },
  (table) => [index("api_tokens_user_id_idx").on(table.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
