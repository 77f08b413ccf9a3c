// POST /api/v1/admin/webhooks/deliveries/{id}/redeliver — a new attempt chain for a logged delivery (admin, 202).
import { apiHandler } from "@/lib/http/api-handler";
import { defaultOutboundDeps } from "@/lib/outbound/default-deps";
import { redeliver } from "@/lib/outbound/redeliver";
import { toDeliveryView } from "@/lib/outbound/delivery-view";

export const POST = apiHandler<{ id: string }, "admin">("admin", async ({ params, principal, log }) => {
  const copy = await redeliver(await defaultOutboundDeps(log), params.id);
  log.info("webhook redelivered", { delivery_id: params.id, redelivery_id: copy.id, user_id: principal.userId });
  return Response.json(toDeliveryView(copy), { status: 202 });
});
