// POST /api/v1/features/{id}/cancel-analysis — cancel the analysis in flight (creator or admin; 409 when none
// runs): the feature can be analyzed again at once, and GitHub is asked to cancel the workflow run.
import { z } from "zod";

import { cancelAnalysis } from "@/lib/analysis/cancel-analysis";
import { toFeatureView } from "@/lib/features/feature-view";
import { apiHandler } from "@/lib/http/api-handler";
import { featureView } from "@/lib/openapi/feature-schemas";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler(
  {
    access: "user",
    params,
    resource: "Feature",
    doc: {
      operationId: "cancelFeatureAnalysis",
      summary: "Cancel the feature's analysis in flight",
      description:
        "The feature can be analyzed again at once, and GitHub is asked to cancel the workflow run. Announces `feature.analysis.cancelled`.",
      responses: { 200: { description: "The feature, back where it stood before the analysis", schema: featureView } },
      errors: {
        403: "`not_creator`: only the feature's creator or an admin may cancel it",
        409: "`no_analysis_running`: no analysis of this feature is running",
      },
    },
  },
  async ({ params, principal, deps, log }) => {
    const feature = await cancelAnalysis(await deps.analysis(), { featureId: params.id, actor: principal });
    log.info("analysis cancelled", { feature_id: feature.id, correlation_id: feature.analysisCorrelationId });
    return Response.json(toFeatureView(feature));
  },
);
