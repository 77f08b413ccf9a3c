import "server-only";

import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

/** Who acted: a user (id and login as they were), or nobody known (a refused sign-in names only a login). */
export interface AuditActor {
  userId: string | null;
  login: string | null;
}

/** Where a request came from, as plain data the route handler reads from its headers (lib/http/request-origin.ts). */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventInput extends Partial<RequestOrigin> {
  actor: AuditActor;
  /** A dotted verb, e.g. `webhook_endpoint.paused` (see AUDIT_ACTIONS). */
  action: string;
  /** What was acted on, as `type:id`, e.g. `api_token:8c1e…`; null when the action has no single target. */
  target?: string | null;
  /** Anything else worth keeping; never a secret. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log. Given a transaction, the entry commits or rolls back with the
 * action it records.
 *
 * @example
 * await recordAuditEvent(db, { actor: { userId, login }, action: "webhook_endpoint.paused", target: "webhook_endpoint:ci", ...origin });
 */
export async function recordAuditEvent(db: Executor, input: AuditEventInput): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: input.actor.userId,
    actorLogin: input.actor.login,
    action: input.action,
    target: input.target ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    details: input.details ?? {},
  });
}
