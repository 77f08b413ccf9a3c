// POST /api/v1/admin/webhooks/deliveries/{id}/redeliver — a new attempt chain for a logged delivery (admin, 202).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { deliveryView } from "@/lib/openapi/outbound-schemas";
import { toDeliveryView } from "@/lib/outbound/delivery-view";
import { redeliver } from "@/lib/outbound/redeliver";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler(
  {
    access: "admin",
    params,
    resource: "Delivery",
    doc: {
      operationId: "redeliverDelivery",
      summary: "Deliver a logged delivery's event again, as a new delivery",
      responses: { 202: { description: "The new delivery, queued", schema: deliveryView } },
      errors: { 409: "`endpoint_removed`: the endpoint is no longer in webhooks.yaml" },
    },
  },
  async ({ params, principal, deps, log }) => {
    const copy = await redeliver(await deps.outbound(), params.id);
    log.info("webhook redelivered", { delivery_id: params.id, redelivery_id: copy.id, user_id: principal.userId });
    return Response.json(toDeliveryView(copy), { status: 202 });
  },
);
