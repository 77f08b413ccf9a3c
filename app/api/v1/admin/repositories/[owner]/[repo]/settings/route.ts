// GET /api/v1/admin/repositories/{owner}/{repo}/settings — how the repository's analysis workflow is dispatched (admin).
// PUT — set the workflow file and ref for that repository (null: back to ANALYSIS_WORKFLOW / the default branch).
import { apiHandler } from "@/lib/http/api-handler";
import { repositoryParams } from "@/lib/repositories/repository-params";
import { findRepositorySettings, repositorySettingsView, saveRepositorySettings } from "@/lib/repositories/repository-settings";
import { repositorySettingsInputSchema } from "@/lib/repositories/repository-settings-input";

export const GET = apiHandler(
  { access: "admin", params: repositoryParams, resource: "Repository" },
  async ({ params: { repository }, deps }) =>
    Response.json(repositorySettingsView(deps.config(), repository, await findRepositorySettings(await deps.db(), repository))),
);

export const PUT = apiHandler(
  { access: "admin", params: repositoryParams, resource: "Repository", body: repositorySettingsInputSchema },
  async ({ params: { repository }, body, principal, deps, log }) => {
    const db = await deps.db();
    await saveRepositorySettings(db, repository, body, new Date());
    log.info("repository settings saved", { repository, user_id: principal.userId });
    return Response.json(repositorySettingsView(deps.config(), repository, await findRepositorySettings(db, repository)));
  },
);
