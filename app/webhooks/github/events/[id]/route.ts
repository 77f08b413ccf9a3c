// GET /webhooks/github/events/{id} — one inbound event with its payload.
import { z } from "zod";

import { found } from "@/lib/errors";
import { getWebhookEvent } from "@/lib/github-webhooks/get-webhook-event";
import { apiHandler } from "@/lib/http/api-handler";
import { inboundEventDetail } from "@/lib/openapi/github-webhook-schemas";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler(
  {
    access: "user",
    params,
    resource: "Event",
    doc: {
      operationId: "getInboundEvent",
      summary: "One inbound webhook event with its payload",
      responses: { 200: { description: "The event", schema: inboundEventDetail } },
    },
  },
  async ({ params, deps }) => Response.json(found(await getWebhookEvent(await deps.db(), params.id), "Event")),
);
