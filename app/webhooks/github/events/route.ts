// GET /webhooks/github/events — the inbound event log, newest first (filters: type, status, repository; cursor pages).
import { z } from "zod";

import { listWebhookEvents } from "@/lib/github-webhooks/list-webhook-events";
import { WEBHOOK_EVENT_STATUSES } from "@/lib/github-webhooks/webhook-event-enums";
import { apiHandler } from "@/lib/http/api-handler";
import { pageOf } from "@/lib/openapi/common-schemas";
import { inboundEventView } from "@/lib/openapi/github-webhook-schemas";
import { listQuery } from "@/lib/pagination/list-query";

const query = listQuery({
  type: z.string().trim().max(100).optional(),
  status: z.enum(WEBHOOK_EVENT_STATUSES).optional(),
  repository: z.string().trim().max(200).optional(),
});

export const GET = apiHandler(
  {
    access: "user",
    query,
    doc: {
      operationId: "listInboundEvents",
      summary: "The inbound webhook event log, newest first",
      responses: { 200: { description: "A page of events (without payloads)", schema: pageOf(inboundEventView) } },
    },
  },
  async ({ query, deps }) => Response.json(await listWebhookEvents(await deps.db(), query)),
);
