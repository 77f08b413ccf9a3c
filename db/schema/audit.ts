import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";

import { at, uuidPrimaryKey } from "./columns";

/**
 * Who did what to whom, when and from where: admin actions and refused sign-ins. Rows are never updated;
 * the actor is kept as plain text (id and login) so an entry outlives the user it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuidPrimaryKey(),
    createdAt: at("created_at").notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    actorLogin: text("actor_login"),
    /** Dotted verb such as `webhook_endpoint.paused`; the list is in lib/audit/audit-actions.ts. */
    action: text("action").notNull(),
    /** What was acted on, as `type:id` (e.g. `user:…`, `api_token:…`, `webhook_endpoint:ci`). */
    target: text("target"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index("audit_log_created_at_id_idx").on(table.createdAt, table.id),
    index("audit_log_action_created_at_idx").on(table.action, table.createdAt),
    index("audit_log_actor_login_created_at_idx").on(table.actorLogin, table.createdAt),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
