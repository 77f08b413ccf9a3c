// POST /api/v1/admin/webhooks/deliveries/{id}/redeliver — a new attempt chain for a logged delivery (admin, 202).
import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { apiHandler } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { toDeliveryView } from "@/lib/outbound/delivery-view";
import { redeliver } from "@/lib/outbound/redeliver";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler({ access: "admin", params, resource: "Delivery" }, async ({ req, params, principal, deps, log }) => {
  const outbound = await deps.outbound();
  const copy = await redeliver(outbound, params.id);
  await recordAuditEvent(outbound.db, {
    actor: principal,
    action: "webhook_delivery.redelivered",
    target: `webhook_delivery:${params.id}`,
    details: { redelivery_id: copy.id, endpoint_id: copy.endpointId },
    ...requestOrigin(req.headers),
  });
  log.info("webhook redelivered", { delivery_id: params.id, redelivery_id: copy.id, user_id: principal.userId });
  return Response.json(toDeliveryView(copy), { status: 202 });
});
