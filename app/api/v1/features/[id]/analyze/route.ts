// POST /api/v1/features/{id}/analyze — dispatch the analysis workflow (202); 404 unknown, 409 in flight,
// 502 when GitHub refuses the dispatch (the feature is left unchanged).
import { z } from "zod";

import { requestAnalysis } from "@/lib/analysis/request-analysis";
import { FEATURE_STATUSES } from "@/lib/features/feature-enums";
import { apiHandler } from "@/lib/http/api-handler";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler(
  {
    access: "user",
    params,
    resource: "Feature",
    doc: {
      operationId: "analyzeFeature",
      summary: "Dispatch the analysis workflow for a feature",
      responses: {
        202: {
          description: "The workflow was dispatched",
          schema: z.object({
            feature_id: z.uuid(),
            run_id: z.number().int().nullable(),
            status: z.enum(FEATURE_STATUSES),
            callback_url: z.string(),
            correlation_id: z.string().nullable(),
          }),
        },
      },
      errors: {
        409: "`analysis_in_progress`: an analysis of this feature is already in flight",
        422: "`repository_not_installed`: the GitHub App is not installed on the repository",
        502: "`github_dispatch_failed`: GitHub refused the dispatch (the feature is unchanged)",
      },
    },
  },
  async ({ params, deps }) => {
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
  },
);
