// POST /webhooks/github/events/{id}/replay — processes one inbound GitHub event again, as a new attempt (admin, 202).
import { z } from "zod";

import { replayWebhookEvent } from "@/lib/github-webhooks/replay-webhook-events";
import { apiHandler } from "@/lib/http/api-handler";
import { recordRequestAudit } from "@/lib/http/record-request-audit";
import { replayedInboundEvent } from "@/lib/openapi/github-webhook-schemas";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler(
  {
    access: "admin",
    params,
    resource: "Event",
    doc: {
      operationId: "replayInboundEvent",
      summary: "Process one inbound GitHub event again, as a new attempt",
      description: "Audited. The attempt is processed in the background; the event's detail lists it.",
      responses: { 202: { description: "Sent back to processing", schema: replayedInboundEvent } },
    },
  },
  async ({ req, params, principal, deps, log }) => {
    const githubWebhooks = await deps.githubWebhooks();
    const replayed = await replayWebhookEvent(githubWebhooks, { eventId: params.id, requestedBy: principal.userId });
    await recordRequestAudit(githubWebhooks.db, {
      req,
      principal,
      action: "github_webhook_event.replayed",
      target: `github_webhook_event:${replayed.id}`,
      details: { attempt: replayed.attempt },
    });
    log.info("github webhook event replayed", { event_id: replayed.id, attempt: replayed.attempt, user_id: principal.userId });
    return Response.json(replayed, { status: 202 });
  },
);
