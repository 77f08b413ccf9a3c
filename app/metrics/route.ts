// GET /metrics — Prometheus text format (README "Health and metrics"); behind METRICS_TOKEN when it is set.
import { unauthorized } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { metricsAccessAllowed } from "@/lib/metrics/check-metrics-token";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

export const GET = apiHandler({ access: "public" }, async ({ req, deps }) => {
  if (!metricsAccessAllowed(deps.config().METRICS_TOKEN, req.headers.get("authorization")))
    throw unauthorized("Send Authorization: Bearer <METRICS_TOKEN>");
  const { body, contentType } = await renderMetrics(await deps.db());
  return new Response(body, { headers: { "content-type": contentType } });
});
