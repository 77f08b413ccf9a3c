// GET /api/v1/features/{id} — a feature with its analyses and its analysis timeline.
import { z } from "zod";

import { getFeatureDetail } from "@/lib/features/get-feature-detail";
import { apiHandler } from "@/lib/http/api-handler";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler({ access: "user", params, resource: "Feature" }, async ({ params, deps }) =>
  Response.json(await getFeatureDetail(await deps.db(), params.id)),
);
