// GET /api/v1/admin/webhooks/deliveries — the outbound delivery log with every attempt (admin; filters
// endpoint_id, status, event_type; cursor pages).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { pageOf } from "@/lib/openapi/common-schemas";
import { deliveryWithAttempts } from "@/lib/openapi/outbound-schemas";
import { WEBHOOK_DELIVERY_STATUSES } from "@/lib/outbound/delivery-status";
import { listDeliveries } from "@/lib/outbound/list-deliveries";
import { listQuery } from "@/lib/pagination/list-query";

const query = listQuery({
  endpoint_id: z.string().trim().max(100).optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  event_type: z.string().trim().max(100).optional(),
});

export const GET = apiHandler(
  {
    access: "admin",
    query,
    doc: {
      operationId: "listDeliveries",
      summary: "The outbound delivery log, newest first, each with its attempts",
      responses: { 200: { description: "A page of deliveries", schema: pageOf(deliveryWithAttempts) } },
    },
  },
  async ({ query, deps }) => {
    const page = await listDeliveries(await deps.outbound(), {
      endpointId: query.endpoint_id,
      status: query.status,
      eventType: query.event_type,
      cursor: query.cursor,
      limit: query.limit,
    });
    return Response.json(page);
  },
);
