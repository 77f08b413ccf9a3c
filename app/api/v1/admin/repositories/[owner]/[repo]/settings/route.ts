// GET /api/v1/admin/repositories/{owner}/{repo}/settings — how the repository's analysis workflow is dispatched (admin).
// PUT — set the workflow file and ref for that repository (null: back to ANALYSIS_WORKFLOW / the default branch).
import { apiHandler } from "@/lib/http/api-handler";
import { repositorySettingsView as settingsSchema } from "@/lib/openapi/repository-schemas";
import { repositoryParams } from "@/lib/repositories/repository-params";
import { findRepositorySettings, repositorySettingsView, saveRepositorySettings } from "@/lib/repositories/repository-settings";
import { repositorySettingsInputSchema } from "@/lib/repositories/repository-settings-input";

export const GET = apiHandler(
  {
    access: "admin",
    params: repositoryParams,
    resource: "Repository",
    doc: {
      operationId: "getRepositorySettings",
      summary: "How the repository's analysis workflow is dispatched",
      responses: { 200: { description: "Its overrides and what a dispatch will use", schema: settingsSchema } },
    },
  },
  async ({ params: { repository }, deps }) =>
    Response.json(repositorySettingsView(deps.config(), repository, await findRepositorySettings(await deps.db(), repository))),
);

export const PUT = apiHandler(
  {
    access: "admin",
    params: repositoryParams,
    resource: "Repository",
    body: repositorySettingsInputSchema,
    doc: {
      operationId: "setRepositorySettings",
      summary: "Set the repository's analysis workflow file and ref",
      description: "Null clears an override: back to ANALYSIS_WORKFLOW, or ANALYSIS_WORKFLOW_REF / the default branch.",
      responses: { 200: { description: "The settings, saved", schema: settingsSchema } },
    },
  },
  async ({ params: { repository }, body, principal, deps, log }) => {
    const db = await deps.db();
    await saveRepositorySettings(db, repository, body, new Date());
    log.info("repository settings saved", { repository, user_id: principal.userId });
    return Response.json(repositorySettingsView(deps.config(), repository, await findRepositorySettings(db, repository)));
  },
);
