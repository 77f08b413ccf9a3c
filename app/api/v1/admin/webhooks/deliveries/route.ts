// GET /api/v1/admin/webhooks/deliveries — the outbound delivery log with every attempt (admin; filters
// endpoint_id, status, event_type; cursor pages).
import { z } from "zod";
import { webhookDeliveryStatus } from "@/db/schema";
import { apiHandler } from "@/lib/http/api-handler";
import { defaultOutboundDeps } from "@/lib/outbound/default-deps";
import { listDeliveries } from "@/lib/outbound/list-deliveries";
import { decodeCursor, pageSizeSchema } from "@/lib/pagination/cursor";

const query = z.object({
  endpoint_id: z.string().trim().max(100).optional(),
  status: z.enum(webhookDeliveryStatus.enumValues).optional(),
  event_type: z.string().trim().max(100).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema,
});

export const GET = apiHandler("admin", async ({ req, log }) => {
  const params = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listDeliveries(await defaultOutboundDeps(log), {
    endpointId: params.endpoint_id || undefined,
    status: params.status,
    eventType: params.event_type || undefined,
    cursor: decodeCursor(params.cursor),
    limit: params.limit,
  });
  return Response.json(page);
});
