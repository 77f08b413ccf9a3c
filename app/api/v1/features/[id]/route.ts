// GET /api/v1/features/{id} — a feature with its analyses and its analysis timeline.
// PATCH /api/v1/features/{id} — change its name, description, priority, repository or issue link (creator or admin;
// 409 for the name, description or repository while an analysis runs) → feature.updated.
// DELETE /api/v1/features/{id} — delete it with its analyses (creator or admin; 204) → feature.deleted.
import { z } from "zod";

import { deleteFeature } from "@/lib/features/delete-feature";
import { updateFeatureSchema } from "@/lib/features/feature-input";
import { getFeatureDetail } from "@/lib/features/get-feature-detail";
import { updateFeature } from "@/lib/features/update-feature";
import { workflowRunUrl } from "@/lib/github/github-urls";
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
  async ({ params, deps }) =>
    Response.json(
      await getFeatureDetail(await deps.db(), params.id, (repository, runId) => workflowRunUrl(deps.config(), repository, runId)),
    ),
);

const NOT_CREATOR = "`not_creator`: only the feature's creator or an admin may change or delete it";

export const PATCH = apiHandler(
  {
    access: "user",
    params,
    resource: "Feature",
    body: updateFeatureSchema,
    doc: {
      operationId: "updateFeature",
      summary: "Change a feature's name, description, priority, repository or issue link",
      description: "Announces `feature.updated` with each changed field's previous value.",
      responses: { 200: { description: "The feature, changed", schema: featureDetail } },
      errors: {
        403: NOT_CREATOR,
        409: "`analysis_in_progress`: the name, description or repository cannot change while an analysis runs",
      },
    },
  },
  async ({ params, body, principal, deps, log }) => {
    const db = await deps.db();
    await updateFeature({ db, outbox: deps.outbox() }, { id: params.id, actor: principal, changes: body });
    log.info("feature updated", { feature_id: params.id, fields: Object.keys(body) });
    return Response.json(await getFeatureDetail(db, params.id, (repository, runId) => workflowRunUrl(deps.config(), repository, runId)));
  },
);

export const DELETE = apiHandler(
  {
    access: "user",
    params,
    resource: "Feature",
    doc: {
      operationId: "deleteFeature",
      summary: "Delete a feature with its analyses",
      description: "Announces `feature.deleted`. An analysis in flight is left to end by itself; its late callback answers 404.",
      responses: { 204: { description: "Deleted" } },
      errors: { 403: NOT_CREATOR },
    },
  },
  async ({ params, principal, deps, log }) => {
    await deleteFeature({ db: await deps.db(), outbox: deps.outbox() }, { id: params.id, actor: principal });
    log.info("feature deleted", { feature_id: params.id });
    return new Response(null, { status: 204 });
  },
);
