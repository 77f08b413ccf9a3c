// POST /webhooks/github/events/replay — processes again the failed GitHub events received since a time (admin, 202).
// Body: { status: "failed", since }. At most BULK_REPLAY_LIMIT a call; `remaining` says how many failed ones are left.
import { z } from "zod";

import { BULK_REPLAY_LIMIT, replayFailedWebhookEvents } from "@/lib/github-webhooks/replay-webhook-events";
import { apiHandler } from "@/lib/http/api-handler";
import { recordRequestAudit } from "@/lib/http/record-request-audit";
import { replayedInboundEvent } from "@/lib/openapi/github-webhook-schemas";

const body = z.object({
  status: z.literal("failed"),
  since: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
});

export const POST = apiHandler(
  {
    access: "admin",
    body,
    doc: {
      operationId: "replayFailedInboundEvents",
      summary: "Process again the failed GitHub events received since a time",
      description: `Oldest first, at most ${BULK_REPLAY_LIMIT} a call; \`remaining\` says how many failed ones are left. Audited.`,
      responses: {
        202: {
          description: "Sent back to processing",
          schema: z.object({
            replayed: z.number().int(),
            remaining: z.number().int().meta({ description: "Failed events since then still left for another call" }),
            events: z.array(replayedInboundEvent),
          }),
        },
      },
    },
  },
  async ({ req, body, principal, deps, log }) => {
    const githubWebhooks = await deps.githubWebhooks();
    const answer = await replayFailedWebhookEvents(githubWebhooks, { since: body.since, requestedBy: principal.userId });
    await recordRequestAudit(githubWebhooks.db, {
      req,
      principal,
      action: "github_webhook_events.replayed",
      target: "github_webhook_events:failed",
      details: { since: body.since.toISOString(), replayed: answer.replayed, remaining: answer.remaining },
    });
    log.info("failed github webhook events replayed", {
      replayed: answer.replayed,
      since: body.since.toISOString(),
      user_id: principal.userId,
    });
    return Response.json(answer, { status: 202 });
  },
);
