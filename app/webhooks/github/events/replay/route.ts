// POST /webhooks/github/events/replay — processes again the failed GitHub events received since a time (admin, 202).
// Body: { status: "failed", since }. At most BULK_REPLAY_LIMIT a call; `remaining` says how many failed ones are left.
import { z } from "zod";

import { replayFailedWebhookEvents } from "@/lib/github-webhooks/replay-webhook-events";
import { apiHandler } from "@/lib/http/api-handler";

const body = z.object({
  status: z.literal("failed"),
  since: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
});

export const POST = apiHandler({ access: "admin", body }, async ({ body, principal, deps, log }) => {
  const answer = await replayFailedWebhookEvents(await deps.githubWebhooks(), { since: body.since, requestedBy: principal.userId });
  // Admin action: the audit log (lib/audit) records it here once it exists.
  log.info("failed github webhook events replayed", {
    replayed: answer.replayed,
    since: body.since.toISOString(),
    user_id: principal.userId,
  });
  return Response.json(answer, { status: 202 });
});
