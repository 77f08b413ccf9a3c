import "server-only";

import type { GithubApp } from "@/lib/github/github-app";

import type { InstallationDeps } from "./deps";
import { storeInstallation, type RepositoryRef } from "./store-installation";

/** Confirms an installation with GitHub and stores it with its repositories (install callback, start-up sync). */
export async function syncInstallation(
  deps: InstallationDeps,
  input: { installationId: number; installedBy?: string | null },
): Promise<void> {
  const { data } = await deps.githubApp.octokit.request("GET /app/installations/{installation_id}", {
    installation_id: input.installationId,
  });
  const account = data.account as { login?: string; slug?: string; type?: string } | null;
  await storeInstallation(deps, {
    installation: {
      id: data.id,
      account: { login: account?.login ?? account?.slug ?? "unknown", type: account?.type ?? data.target_type },
      repository_selection: data.repository_selection,
      suspended_at: data.suspended_at,
    },
    repositories: await getInstallationRepositories(deps.githubApp, data.id),
    installedBy: input.installedBy,
  });
}

/** The repositories an installation reaches, asked of GitHub with an installation token (every page). */
async function getInstallationRepositories(app: GithubApp, installationId: number): Promise<RepositoryRef[]> {
  const octokit = await app.getInstallationOctokit(installationId);
  const repositories: RepositoryRef[] = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.request("GET /installation/repositories", { per_page: 100, page });
    repositories.push(...data.repositories.map(({ id, full_name }) => ({ id: Number(id), full_name })));
    if (data.repositories.length < 100) return repositories;
  }
}
