// POST /api/v1/admin/webhooks/deliveries/{id}/redeliver — a new attempt chain for a logged delivery (admin, 202).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { recordRequestAudit } from "@/lib/http/record-request-audit";
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
  async ({ req, params, principal, deps, log }) => {
    const outbound = await deps.outbound();
    const copy = await redeliver(outbound, params.id);
    await recordRequestAudit(outbound.db, {
      req,
      principal,
      action: "webhook_delivery.redelivered",
      target: `webhook_delivery:${params.id}`,
      details: { redelivery_id: copy.id, endpoint_id: copy.endpointId },
    });
    log.info("webhook redelivered", { delivery_id: params.id, redelivery_id: copy.id, user_id: principal.userId });
    return Response.json(toDeliveryView(copy), { status: 202 });
  },
);
