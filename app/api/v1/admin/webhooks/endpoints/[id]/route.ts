// GET /api/v1/admin/webhooks/endpoints/{id} — one endpoint with its last 24 hours: success rate, latency, deliveries (admin).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { endpointStats, endpointView } from "@/lib/openapi/outbound-schemas";
import { getEndpointStats } from "@/lib/outbound/get-endpoint-stats";
import { listEndpoints } from "@/lib/outbound/list-endpoints";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiHandler(
  {
    access: "admin",
    params,
    resource: "Endpoint",
    doc: {
      operationId: "getEndpoint",
      summary: "One endpoint with its runtime state and its last 24 hours",
      responses: {
        200: { description: "The endpoint and its statistics", schema: z.object({ endpoint: endpointView, stats: endpointStats }) },
      },
    },
  },
  async ({ params, deps: routeDeps }) => {
    const deps = await routeDeps.outbound();
    const endpoint = found(
      (await listEndpoints(deps)).find((candidate) => candidate.id === params.id),
      "Endpoint",
    );
    return Response.json({ endpoint, stats: await getEndpointStats(deps, params.id) });
  },
);
