import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

import { USER_ROLES } from "../../lib/users/user-role";
import { textBelongsTo } from "./columns";

export const userRole = pgEnum("user_role", USER_ROLES);

/** People (and the automation principal behind ADMIN_API_TOKEN). Column set is what @auth/drizzle-adapter expects, plus login and role. */
export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
  /** GitHub login, lower-cased; unique so roles from ADMIN_GITHUB_LOGINS map to one person. */
  login: text("login").unique(),
  role: userRole("role").notNull().default("member"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Sessions that began before this time are over (an admin ended them); API tokens are revoked one by one. */
  sessionsEndedAt: timestamp("sessions_ended_at", { withTimezone: true }),
  /** When the sign-in policy (ALLOWED_GITHUB_ORGS) was last checked against GitHub for this person, and its refusal if any. */
  policyCheckedAt: timestamp("policy_checked_at", { withTimezone: true }),
  policyRefusal: text("policy_refusal"),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: textBelongsTo("user_id", () => users.id),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] }), index("accounts_user_id_idx").on(table.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: textBelongsTo("user_id", () => users.id),
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

export type User = typeof users.$inferSelect;
export type { UserRole } from "../../lib/users/user-role";
