// GET /api/v1/features — features, newest first, by cursor pages (filter: status, q).
// POST /api/v1/features — create a feature (201).
import { z } from "zod";

import { createFeature } from "@/lib/features/create-feature";
import { createFeatureSchema, featureStatusSchema } from "@/lib/features/feature-input";
import { toFeatureView } from "@/lib/features/feature-view";
import { listFeatures } from "@/lib/features/list-features";
import { apiHandler } from "@/lib/http/api-handler";
import { pageOf } from "@/lib/openapi/common-schemas";
import { featureView } from "@/lib/openapi/feature-schemas";
import { listQuery } from "@/lib/pagination/list-query";

const query = listQuery({
  status: featureStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

export const GET = apiHandler(
  {
    access: "user",
    query,
    doc: {
      operationId: "listFeatures",
      summary: "Features, newest first",
      responses: { 200: { description: "A page of features", schema: pageOf(featureView) } },
    },
  },
  async ({ query, deps }) => Response.json(await listFeatures(await deps.db(), query)),
);

export const POST = apiHandler(
  {
    access: "user",
    body: createFeatureSchema,
    doc: {
      operationId: "createFeature",
      summary: "Create a feature",
      description: "Announces `feature.created`.",
      responses: { 201: { description: "The new feature", schema: featureView } },
    },
  },
  async ({ body: input, principal, deps, log }) => {
    const feature = await createFeature({ db: await deps.db(), outbox: deps.outbox() }, { ...input, createdBy: principal.userId });
    log.info("feature created", { feature_id: feature.id, repository: feature.repository });
    return Response.json(toFeatureView(feature), { status: 201 });
  },
);
