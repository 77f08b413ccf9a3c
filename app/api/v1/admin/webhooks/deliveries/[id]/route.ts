// GET /api/v1/admin/webhooks/deliveries/{id} — one delivery: the body it sends, each attempt's headers and answer (admin).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { deliveryDetail } from "@/lib/openapi/outbound-schemas";
import { getDelivery } from "@/lib/outbound/get-delivery";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler(
  {
    access: "admin",
    params,
    resource: "Delivery",
    doc: {
      operationId: "getDelivery",
      summary: "One delivery: the body it sends, and each attempt's headers and answer",
      responses: { 200: { description: "The delivery", schema: deliveryDetail } },
    },
  },
  async ({ params, deps }) => Response.json(found(await getDelivery(await deps.outbound(), params.id), "Delivery")),
);
