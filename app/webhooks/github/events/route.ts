// GET /webhooks/github/events — the inbound event log, newest first (filters: type, status, repository; cursor pages).
import { z } from "zod";
import { getDb } from "@/db";
import { webhookEventStatus } from "@/db/schema";
import { listWebhookEvents } from "@/lib/github-webhooks/list-webhook-events";
import { apiHandler } from "@/lib/http/api-handler";
import { decodeCursor, pageSizeSchema } from "@/lib/pagination/cursor";

const query = z.object({
  type: z.string().trim().max(100).optional(),
  status: z.enum(webhookEventStatus.enumValues).optional(),
  repository: z.string().trim().max(200).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema,
});

export const GET = apiHandler("user", async ({ req }) => {
  const params = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listWebhookEvents(await getDb(), {
    ...params,
    type: params.type || undefined,
    repository: params.repository || undefined,
    cursor: decodeCursor(params.cursor),
  });
  return Response.json(page);
});
