import "server-only";

import type { InstallationDeps } from "./deps";
import { syncInstallation } from "./sync-installation";

/** Every installation GitHub lists for the App, stored as GitHub reports it. */
export async function syncAllInstallations(deps: InstallationDeps): Promise<number> {
  const { data } = await deps.githubApp.octokit.request("GET /app/installations", { per_page: 100 });
  for (const installation of data) await syncInstallation(deps, { installationId: installation.id });
  return data.length;
}
