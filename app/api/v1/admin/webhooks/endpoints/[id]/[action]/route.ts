// POST /api/v1/admin/webhooks/endpoints/{id}/test | pause | resume | recover?since=<ISO time> (admin).
// test: a webhook.test event to that endpoint only; recover: redeliver its failed deliveries since then, in order.
import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { toDeliveryView } from "@/lib/outbound/delivery-view";
import { emitEvent } from "@/lib/outbound/emit-event";
import { pauseEndpoint } from "@/lib/outbound/pause-endpoint";
import { recoverEndpoint } from "@/lib/outbound/recover-endpoint";
import { resumeEndpoint } from "@/lib/outbound/resume-endpoint";

const params = z.object({ id: z.string().min(1).max(100), action: z.enum(["test", "pause", "resume", "recover"]) });
const AUDITED = {
  test: "webhook_endpoint.tested",
  pause: "webhook_endpoint.paused",
  resume: "webhook_endpoint.resumed",
  recover: "webhook_endpoint.recovered",
} as const;
// `since` is checked only by recover: the other actions ignore it, as they always have.
const query = z.object({ since: z.string().optional() });
const since = z.iso.datetime({ offset: true, error: "since: expected an ISO 8601 time such as 2026-11-23T09:00:00Z" });

export const POST = apiHandler(
  { access: "admin", params, resource: "Endpoint action", query },
  async ({ req, params: { id, action }, query, principal, deps: routeDeps, log }) => {
    const deps = await routeDeps.outbound();
    const endpoint = found(
      (await deps.confirmedEndpoints(deps.db)).endpoints.find((candidate) => candidate.id === id),
      "Endpoint",
    );
    log.info(`webhook endpoint ${action}`, { endpoint_id: id, user_id: principal.userId });
    const audit = (details: Record<string, unknown> = {}) =>
      recordAuditEvent(deps.db, {
        actor: principal,
        action: AUDITED[action],
        target: `webhook_endpoint:${id}`,
        details,
        ...requestOrigin(req.headers),
      });
    switch (action) {
      case "test": {
        if (!endpoint.enabled) throw new AppError(409, "endpoint_disabled", `Endpoint ${id} is disabled in webhooks.yaml`);
        const { event } = await emitEvent(
          deps,
          "webhook.test",
          { endpoint_id: id, message: "A test event sent from Hooksmith", requested_by: principal.login },
          { onlyEndpoint: id },
        );
        await audit({ event_id: event.id });
        return Response.json({ event_id: event.id, endpoint_id: id, status: "queued" }, { status: 202 });
      }
      case "pause":
        await pauseEndpoint(deps, id);
        await audit();
        return Response.json({ endpoint_id: id, paused: true });
      case "resume":
        await resumeEndpoint(deps, id);
        await audit();
        return Response.json({ endpoint_id: id, paused: false });
      case "recover": {
        const from = since.parse(query.since ?? "");
        const redelivered = await recoverEndpoint(deps, id, new Date(from));
        await audit({ since: from, redelivered: redelivered.length });
        return Response.json({ endpoint_id: id, redelivered: redelivered.map(toDeliveryView) }, { status: 202 });
      }
    }
  },
);
