// POST /webhooks/github/events/{id}/replay — processes one inbound GitHub event again, as a new attempt (admin, 202).
import { z } from "zod";

import { replayWebhookEvent } from "@/lib/github-webhooks/replay-webhook-events";
import { apiHandler } from "@/lib/http/api-handler";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler({ access: "admin", params, resource: "Event" }, async ({ params, principal, deps, log }) => {
  const replayed = await replayWebhookEvent(await deps.githubWebhooks(), { eventId: params.id, requestedBy: principal.userId });
  // Admin action: the audit log (lib/audit) records it here once it exists.
  log.info("github webhook event replayed", { event_id: replayed.id, attempt: replayed.attempt, user_id: principal.userId });
  return Response.json(replayed, { status: 202 });
});
