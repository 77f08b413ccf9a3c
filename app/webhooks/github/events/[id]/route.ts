// GET /webhooks/github/events/{id} — one inbound event with its payload.
import { z } from "zod";

import { found } from "@/lib/errors";
import { getWebhookEvent } from "@/lib/github-webhooks/get-webhook-event";
import { apiHandler } from "@/lib/http/api-handler";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler({ access: "user", params, resource: "Event" }, async ({ params, deps }) =>
  Response.json(found(await getWebhookEvent(await deps.db(), params.id), "Event")),
);
