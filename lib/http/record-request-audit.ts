import "server-only";

import type { Executor } from "@/db";
import { recordAuditEvent, type AuditActor, type AuditEventInput, type RequestOrigin } from "@/lib/audit/record-audit-event";

import { requestOrigin } from "./request-origin";

/**
 * Audits what a route's caller just did: the caller (`principal`) is the actor, and the request's headers
 * say where they called from. An entry that must commit with the action is lib/'s to write (pass it `requestOrigin`).
 *
 * @example
 * await recordRequestAudit(db, { req, principal, action: "webhook_delivery.redelivered", target: `webhook_delivery:${id}` });
 */
export function recordRequestAudit(
  db: Executor,
  { req, principal, ...entry }: { req: Request; principal: AuditActor } & Omit<AuditEventInput, "actor" | keyof RequestOrigin>,
): Promise<void> {
  return recordAuditEvent(db, { ...entry, actor: principal, ...requestOrigin(req.headers) });
}
