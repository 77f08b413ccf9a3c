// POST /api/v1/admin/webhooks/endpoints/{id}/test | pause | resume | recover?since=<ISO time> (admin).
// test: a webhook.test event (or ?event_type=<type>: that type's catalogue example) to that endpoint only; recover: redeliver its failed deliveries since then, in order.
import { z } from "zod";

import { AppError, found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { recordRequestAudit } from "@/lib/http/record-request-audit";
import { deliveryView } from "@/lib/openapi/outbound-schemas";
import { toDeliveryView } from "@/lib/outbound/delivery-view";
import { emitEvent } from "@/lib/outbound/emit-event";
import { currentEventVersion } from "@/lib/outbound/event-catalogue";
import { EVENT_TYPES } from "@/lib/outbound/event-types";
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
// `since` is checked only by recover, `event_type` only by test: the other actions ignore them.
const query = z.object({
  since: z.string().optional(),
  event_type: z.enum(EVENT_TYPES).optional().meta({ description: "test: send this type's catalogue example instead of a `webhook.test`" }),
});
const since = z.iso.datetime({ offset: true, error: "since: expected an ISO 8601 time such as 2026-11-23T09:00:00Z" });

export const POST = apiHandler(
  {
    access: "admin",
    params,
    resource: "Endpoint action",
    query,
    doc: {
      operationId: "actOnEndpoint",
      summary: "Send a test event to an endpoint, pause it, resume it, or recover its failed deliveries",
      description:
        "`test` sends a `webhook.test` event to this endpoint only; `recover` redelivers, in order, its failed deliveries since `since`.",
      responses: {
        200: { description: "Paused or resumed", schema: z.object({ endpoint_id: z.string(), paused: z.boolean() }) },
        202: {
          description: "`test`: the event is queued; `recover`: the new deliveries",
          schema: z.union([
            z.object({ event_id: z.string(), endpoint_id: z.string(), status: z.literal("queued") }),
            z.object({ endpoint_id: z.string(), redelivered: z.array(deliveryView) }),
          ]),
        },
      },
      errors: {
        400: "`validation_error`: `since` is not an ISO 8601 time (recover)",
        404: "`not_found`: no such endpoint",
        409: "`endpoint_disabled`: the endpoint is disabled in webhooks.yaml (test)",
      },
    },
  },
  async ({ req, params: { id, action }, query, principal, deps: routeDeps, log }) => {
    const deps = await routeDeps.outbound();
    const endpoint = found(
      (await deps.confirmedEndpoints(deps.db)).endpoints.find((candidate) => candidate.id === id),
      "Endpoint",
    );
    log.info(`webhook endpoint ${action}`, { endpoint_id: id, user_id: principal.userId });
    const audit = (details: Record<string, unknown> = {}) =>
      recordRequestAudit(deps.db, {
        req,
        principal,
        action: AUDITED[action],
        target: `webhook_endpoint:${id}`,
        details,
      });
    switch (action) {
      case "test": {
        if (!endpoint.enabled) throw new AppError(409, "endpoint_disabled", `Endpoint ${id} is disabled in webhooks.yaml`);
        const type = query.event_type ?? "webhook.test";
        const data =
          type === "webhook.test"
            ? { endpoint_id: id, message: "A test event sent from Hooksmith", requested_by: principal.login }
            : currentEventVersion(type).example;
        const { event } = await emitEvent(deps, type, data, { onlyEndpoint: id });
        await audit({ event_id: event.id, event_type: type });
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
