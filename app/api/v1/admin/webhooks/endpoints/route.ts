// GET /api/v1/admin/webhooks/endpoints — the configured endpoints with their runtime state (admin; never secrets).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { configProblem, endpointView } from "@/lib/openapi/outbound-schemas";
import { currentWarnings } from "@/lib/outbound/current-endpoints";
import { listEndpoints } from "@/lib/outbound/list-endpoints";

export const GET = apiHandler(
  {
    access: "admin",
    doc: {
      operationId: "listEndpoints",
      summary: "The configured outbound endpoints with their runtime state (never secrets)",
      responses: {
        200: {
          description: "Every endpoint, and the configuration's warnings",
          schema: z.object({ data: z.array(endpointView), warnings: z.array(configProblem) }),
        },
      },
    },
  },
  async ({ deps }) => {
    const data = await listEndpoints(await deps.outbound()); // loads the file on first use, which sets the warnings
    return Response.json({ data, warnings: currentWarnings() });
  },
);
