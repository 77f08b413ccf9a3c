// GET /api/v1/admin/webhooks/endpoints — the configured endpoints with their runtime state (admin; never secrets).
import { apiHandler } from "@/lib/http/api-handler";
import { currentWarnings } from "@/lib/outbound/current-endpoints";
import { listEndpoints } from "@/lib/outbound/list-endpoints";

export const GET = apiHandler({ access: "admin" }, async ({ deps }) => {
  const data = await listEndpoints(await deps.outbound()); // loads the file on first use, which sets the warnings
  return Response.json({ data, warnings: currentWarnings() });
});
