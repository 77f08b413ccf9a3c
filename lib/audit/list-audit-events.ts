import "server-only";

import { gte, lt } from "drizzle-orm";

import type { Database } from "@/db";
import { auditLog, type AuditLogRow } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

/** An audit entry as the API and the audit page show it. */
export interface AuditEventView {
  id: string;
  created_at: string;
  actor: { user_id: string | null; login: string | null };
  action: string;
  target: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

function toAuditEventView(row: AuditLogRow): AuditEventView {
  return {
    id: row.id,
    created_at: row.createdAt.toISOString(),
    actor: { user_id: row.actorUserId, login: row.actorLogin },
    action: row.action,
    target: row.target,
    ip: row.ip,
    user_agent: row.userAgent,
    details: row.details,
  };
}

/** The audit log, newest first, by keyset pages; filters by actor login, action and a time range [since, until). */
export async function listAuditEvents(
  db: Database,
  input: { actor?: string; action?: string; since?: Date; until?: Date; cursor?: Cursor; limit: number },
) {
  const rows = await newestFirst(db.select().from(auditLog).$dynamic(), auditLog, input, [
    equalsWhenSet(auditLog.actorLogin, input.actor?.toLowerCase()),
    equalsWhenSet(auditLog.action, input.action),
    input.since ? gte(auditLog.createdAt, input.since) : undefined,
    input.until ? lt(auditLog.createdAt, input.until) : undefined,
  ]);
  return keysetPage(rows, input.limit, toAuditEventView);
}
