// GET /api/v1/features/{id} — a feature with its analyses and its analysis timeline.
import { z } from "zod";

import { getFeatureDetail } from "@/lib/features/get-feature-detail";
import { apiHandler } from "@/lib/http/api-handler";
import { featureDetail } from "@/lib/openapi/feature-schemas";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler(
  {
    access: "user",
    params,
    resource: "Feature",
    doc: {
      operationId: "getFeature",
      summary: "A feature with its analyses and its analysis timeline",
      responses: { 200: { description: "The feature", schema: featureDetail } },
    },
  },
  async ({ params, deps }) => Response.json(await getFeatureDetail(await deps.db(), params.id)),
);
