// GET /api/v1/features — features, newest first, by cursor pages (filter: status, q).
// POST /api/v1/features — create a feature (201) in a repository the App is installed on (422 otherwise).
import { z } from "zod";

import { createFeature } from "@/lib/features/create-feature";
import { createFeatureSchema, featureStatusSchema } from "@/lib/features/feature-input";
import { toFeatureView } from "@/lib/features/feature-view";
import { listFeatures } from "@/lib/features/list-features";
import { apiHandler } from "@/lib/http/api-handler";
import { requireInstallation } from "@/lib/installations/require-installation";
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
      description: "Announces `feature.created`. The repository must be one an active installation of the GitHub App reaches.",
      responses: { 201: { description: "The new feature", schema: featureView } },
      errors: { 422: "`repository_not_installed`: the App is not installed on the repository, or cannot reach it" },
    },
  },
  async ({ body: input, principal, deps, log }) => {
    const db = await deps.db();
    // Checked now, not at the first Analyze: a feature in a repository the App cannot reach could never be analyzed.
    await requireInstallation({ db, githubApp: deps.githubApp }, input.repository);
    const feature = await createFeature({ db, outbox: deps.outbox() }, { ...input, createdBy: principal.userId });
    log.info("feature created", { feature_id: feature.id, repository: feature.repository });
    return Response.json(toFeatureView(feature), { status: 201 });
  },
);
