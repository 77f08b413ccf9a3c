// GET /api/v1/admin/audit-log — who did what, when and from where (admin; filters actor, action,
// since/until as ISO times; cursor pages, newest first).
import { z } from "zod";

import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { apiHandler } from "@/lib/http/api-handler";
import { pageOf } from "@/lib/openapi/common-schemas";
import { auditEventView } from "@/lib/openapi/user-schemas";
import { listQuery } from "@/lib/pagination/list-query";

const time = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name}: expected an ISO 8601 time such as 2026-11-23T09:00:00Z` }).optional();

const query = listQuery({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  since: time("since"),
  until: time("until"),
});

export const GET = apiHandler(
  {
    access: "admin",
    query,
    doc: {
      operationId: "listAuditLog",
      summary: "The audit log, newest first: who did what, when and from where",
      responses: { 200: { description: "A page of audit entries", schema: pageOf(auditEventView) } },
    },
  },
  async ({ query, deps }) =>
    Response.json(
      await listAuditEvents(await deps.db(), {
        actor: query.actor,
        action: query.action,
        since: query.since ? new Date(query.since) : undefined,
        until: query.until ? new Date(query.until) : undefined,
        cursor: query.cursor,
        limit: query.limit,
      }),
    ),
);
