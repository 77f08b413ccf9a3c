// GET /api/v1/admin/webhooks/endpoints — the configured endpoints with their runtime state and the file's status (admin; never secrets).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { configProblem, configStatus, endpointView } from "@/lib/openapi/outbound-schemas";
import { currentConfigStatus } from "@/lib/outbound/current-endpoints";
import { listEndpoints } from "@/lib/outbound/list-endpoints";

export const GET = apiHandler(
  {
    access: "admin",
    doc: {
      operationId: "listEndpoints",
      summary: "The configured outbound endpoints with their runtime state (never secrets)",
      responses: {
        200: {
          description: "Every endpoint, the warnings of the running set, and what the last read of webhooks.yaml found",
          schema: z.object({ data: z.array(endpointView), warnings: z.array(configProblem), config: configStatus }),
        },
      },
    },
  },
  async ({ deps }) => {
    const data = await listEndpoints(await deps.outbound()); // loads the file on first use, which sets its status
    const { warnings, ...file } = currentConfigStatus();
    return Response.json({ data, warnings, config: { state: file.state, errors: file.state === "invalid" ? file.errors : [] } });
  },
);
