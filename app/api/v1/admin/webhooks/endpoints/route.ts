// GET /api/v1/admin/webhooks/endpoints — the configured endpoints with their runtime state (admin; never secrets).
import { apiHandler } from "@/lib/http/api-handler";
import { currentWarnings } from "@/lib/outbound/current-endpoints";
import { defaultOutboundDeps } from "@/lib/outbound/default-deps";
import { listEndpoints } from "@/lib/outbound/list-endpoints";

export const GET = apiHandler("admin", async ({ log }) => {
  const deps = await defaultOutboundDeps(log);
  const data = await listEndpoints(deps); // loads the file on first use, which sets the warnings
  return Response.json({ data, warnings: currentWarnings() });
});
