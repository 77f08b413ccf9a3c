// GET /api/v1/admin/webhooks/deliveries/{id} — one delivery: the body it sends, each attempt's headers and answer (admin).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { getDelivery } from "@/lib/outbound/get-delivery";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler({ access: "admin", params, resource: "Delivery" }, async ({ params, deps }) =>
  Response.json(found(await getDelivery(await deps.outbound(), params.id), "Delivery")),
);
