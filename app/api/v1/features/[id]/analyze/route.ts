// POST /api/v1/features/{id}/analyze — dispatch the analysis workflow (202); 404 unknown, 409 in flight,
// 502 when GitHub refuses the dispatch (the feature is left unchanged).
import { z } from "zod";

import { requestAnalysis } from "@/lib/analysis/request-analysis";
import { apiHandler } from "@/lib/http/api-handler";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler({ access: "user", params, resource: "Feature" }, async ({ params, deps }) => {
  const { feature, runId, callbackUrl } = await requestAnalysis(await deps.analysis(), params.id);
  return Response.json(
    {
      feature_id: feature.id,
      run_id: runId,
      status: feature.status,
      callback_url: callbackUrl,
      correlation_id: feature.analysisCorrelationId,
    },
    { status: 202 },
  );
});
